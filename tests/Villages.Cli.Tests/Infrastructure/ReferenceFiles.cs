namespace Villages.Cli.Tests.Infrastructure;

/// <summary>
/// The reference files read again by the tests, on their own and naively (codes are the first column and never
/// quoted), so that the generator's own reading is not what checks it.
/// </summary>
public static class ReferenceFiles
{
    private static readonly Lazy<string> FolderOnce = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "silo-config");
            if (File.Exists(Path.Combine(candidate, "poverty-832.csv")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("silo-config not found above the test's directory");
    });

    private static readonly Lazy<HashSet<string>> Poverty832Once = new(() => FirstColumn("poverty-832.csv"));
    private static readonly Lazy<HashSet<string>> CountiesOnce = new(() => FirstColumn(Path.Combine("divisions", "counties.csv")));
    private static readonly Lazy<HashSet<string>> TownshipsOnce = new(() => FirstColumn(Path.Combine("divisions", "townships.csv")));

    public static string Folder => FolderOnce.Value;

    public static IReadOnlySet<string> Poverty832 => Poverty832Once.Value;

    public static IReadOnlySet<string> Counties => CountiesOnce.Value;

    public static IReadOnlySet<string> Townships => TownshipsOnce.Value;

    private static HashSet<string> FirstColumn(string file) =>
        File.ReadLines(Path.Combine(Folder, file)).Skip(1).Where(l => l.Length > 0).Select(l => l[..l.IndexOf(',')]).ToHashSet(StringComparer.Ordinal);
}
