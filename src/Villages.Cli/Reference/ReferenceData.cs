namespace Villages.Cli.Reference;

/// <summary>The real division codes the scenario places its sellers in, and the 832 list, read from silo-config.</summary>
public sealed class ReferenceData
{
    private readonly Dictionary<string, string[]> _townshipsByCounty;

    private ReferenceData(string folder, Dictionary<string, string[]> townshipsByCounty, IReadOnlyList<string> poverty832)
    {
        Folder = folder;
        _townshipsByCounty = townshipsByCounty;
        Poverty832 = poverty832;
        Poverty832Set = poverty832.ToHashSet(StringComparer.Ordinal);
    }

    public string Folder { get; }

    /// <summary>The 832 list's county codes, each once, in the file's order (832 rows map to 831 of today's codes).</summary>
    public IReadOnlyList<string> Poverty832 { get; }

    public IReadOnlySet<string> Poverty832Set { get; }

    public static ReferenceData Load(string folder)
    {
        var townships = Csv.Rows(Path.Combine(folder, "divisions", "townships.csv"))
            .Where(r => r.Length >= 3 && r[0].Length == 9 && r[2].Length == 6)
            .GroupBy(r => r[2], r => r[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        var poverty = Csv.Rows(Path.Combine(folder, "poverty-832.csv"))
            .Select(r => r[0])
            .Where(c => c.Length == 6)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new ReferenceData(folder, townships, poverty);
    }

    /// <summary>
    /// A county's townships, preferring rural towns and townships (codes x1xx, x2xx) over city streets (x0xx),
    /// because farmers' shops live there.
    /// </summary>
    public IReadOnlyList<string> RuralTownships(string county)
    {
        if (!_townshipsByCounty.TryGetValue(county, out var all) || all.Length == 0)
        {
            throw new InvalidDataException($"County {county} has no townships in {Folder}/divisions/townships.csv.");
        }

        var rural = all.Where(t => t[6] is '1' or '2').ToArray();
        return rural.Length > 0 ? rural : all;
    }

    public bool HasTownships(string county) => _townshipsByCounty.ContainsKey(county);

    /// <summary>Every county that has townships, in code order.</summary>
    public IEnumerable<string> Counties => _townshipsByCounty.Keys.Order(StringComparer.Ordinal);
}
