namespace Villages.Cli.Scenarios;

/// <param name="Scale">Fraction of the article's real-world figures (1.0 = tens of millions of lines); decimal so targets round exactly.</param>
/// <param name="Seed">Same seed and scale give byte-identical lines.</param>
/// <param name="ConfigFolder">The silo-config folder; found by walking up from the current directory when null.</param>
/// <param name="VillagesFile">Optional CSV (or .csv.gz) of real 12-digit village codes; synthesised under real townships when null.</param>
public sealed record ScenarioOptions(decimal Scale, int Seed = 1, string? ConfigFolder = null, string? VillagesFile = null)
{
    public const decimal MinScale = 0.000001m;
    // Above 2 the registered sellers alone would take gigabytes; the article's own figures are 1.0.
    public const decimal MaxScale = 2m;
}
