namespace Villages.Baselines.Input;

/// <summary>What the county-series and village-children queries ask about: the busiest county, its busiest CST year, the busiest village.</summary>
internal sealed record Targets(string County, int Year, string Village);

/// <summary>
/// Counts sale lines per village and CST year and picks the targets by the same rule in both baselines: the county
/// (6-digit prefix) with the most lines, that county's year with the most lines, and the village with the most lines;
/// ties go to the smallest code or earliest year so every run picks the same.
/// </summary>
internal sealed class TargetPicker
{
    private readonly Dictionary<(string Village, int Year), long> _counts = [];

    public void Add(string villageCode, int cstYear, long lines)
    {
        _counts[(villageCode, cstYear)] = _counts.GetValueOrDefault((villageCode, cstYear)) + lines;
    }

    public Targets Pick()
    {
        if (_counts.Count == 0)
        {
            throw new InvalidDataException("no sale line of a registered seller: nothing to query");
        }

        var county = Busiest(_counts.GroupBy(c => c.Key.Village[..6], c => c.Value));
        var village = Busiest(_counts.GroupBy(c => c.Key.Village, c => c.Value));
        var year = _counts.Where(c => c.Key.Village.StartsWith(county, StringComparison.Ordinal))
            .GroupBy(c => c.Key.Year, c => c.Value)
            .Select(g => (Year: g.Key, Lines: g.Sum()))
            .OrderByDescending(g => g.Lines).ThenBy(g => g.Year)
            .First().Year;
        return new Targets(county, year, village);
    }

    private static string Busiest(IEnumerable<IGrouping<string, long>> groups) =>
        groups.Select(g => (Code: g.Key, Lines: g.Sum()))
            .OrderByDescending(g => g.Lines).ThenBy(g => g.Code, StringComparer.Ordinal)
            .First().Code;
}
