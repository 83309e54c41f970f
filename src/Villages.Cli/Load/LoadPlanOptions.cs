namespace Villages.Cli.Load;

/// <param name="Seed">Same seed, same sellers and same lines.</param>
/// <param name="Run">A slug in every sale id: the same run resends the same keys (duplicates), another run adds new lines.</param>
/// <param name="Sellers">How many sellers the lines are spread over.</param>
/// <param name="Year">The CST year the sales fall in.</param>
/// <param name="ConfigFolder">The silo-config folder; found by walking up from the current directory when null.</param>
/// <param name="VillagesFile">A villages CSV (or .csv.gz) of real 12-digit codes; codes synthesised under real townships when null.</param>
public sealed record LoadPlanOptions(int Seed = 1, string Run = "1", int Sellers = 10_000, int Year = 2017, string? ConfigFolder = null, string? VillagesFile = null)
{
    public const int MaxSellers = 10_000_000;
    public const int MaxRunLength = 32;
}
