namespace Villages.Domain.Regions;

/// <summary>
/// China's statistical division codes carry the hierarchy in their digits: a region's parent is its
/// code's prefix (12 → 9 → 6 → 4 → 2 digits), and every province's parent is the nation, "CN".
/// </summary>
public static class RegionCode
{
    public const string Nation = "CN";

    /// <remarks>
    /// No division code starts with 0 (provinces are 11–82), and refusing a leading 0 also keeps codes of different
    /// lengths from ever reading as the same number (grain storage reads digit-only keys as numbers).
    /// </remarks>
    public static bool IsValid(string? code) =>
        code == Nation || (code is { Length: 2 or 4 or 6 or 9 or 12 } && code[0] != '0' && code.All(char.IsAsciiDigit));

    public static bool IsVillage(string? code) => code is { Length: 12 } && code[0] != '0' && code.All(char.IsAsciiDigit);

    public static Level LevelOf(string code) => code.Length switch
    {
        2 when code == Nation => Level.Nation,
        2 => Level.Province,
        4 => Level.Prefecture,
        6 => Level.County,
        9 => Level.Township,
        12 => Level.Village,
        _ => throw new ArgumentException($"'{code}' is not a division code", nameof(code)),
    };

    public static string? Parent(string code) => code.Length switch
    {
        2 when code == Nation => null,
        2 => Nation,
        4 => code[..2],
        6 => code[..4],
        9 => code[..6],
        12 => code[..9],
        _ => throw new ArgumentException($"'{code}' is not a division code", nameof(code)),
    };

    /// <summary>A village and every region above it, nearest first, ending with the nation.</summary>
    public static IReadOnlyList<string> SelfAndAncestors(string villageCode)
    {
        var chain = new List<string>(6);
        for (string? code = villageCode; code is not null; code = Parent(code))
        {
            chain.Add(code);
        }

        return chain;
    }

    /// <summary>Whether <paramref name="code"/> lies inside <paramref name="region"/> (or is it).</summary>
    public static bool Contains(string region, string code) => region == Nation || code.StartsWith(region, StringComparison.Ordinal);

    /// <summary>The length of a child's code under a region of this code.</summary>
    public static int ChildLength(string code) => code.Length switch
    {
        2 when code == Nation => 2,
        2 => 4,
        4 => 6,
        6 => 9,
        9 => 12,
        _ => 0,
    };
}
