namespace Villages.Hosting.ReferenceData;

/// <summary>
/// Reads China's division files (code,name,... with a header row and quoted names) as shipped in silo-config/divisions
/// or given by a user (the national villages file stays out of the repository).
/// </summary>
public static class Divisions
{
    public static IEnumerable<(string Code, string Name)> Read(string path)
    {
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var comma = line.IndexOf(',');
            if (comma <= 0)
            {
                continue;
            }

            var rest = line[(comma + 1)..];
            string name;
            if (rest.StartsWith('"'))
            {
                var close = rest.IndexOf('"', 1);
                name = close > 0 ? rest[1..close] : rest.Trim('"');
            }
            else
            {
                var next = rest.IndexOf(',');
                name = next < 0 ? rest : rest[..next];
            }

            yield return (line[..comma], name);
        }
    }

    /// <summary>The 832 list's county codes, from its CSV (code first).</summary>
    public static IReadOnlyList<string> ProgrammeMembers(string path) =>
        File.ReadLines(path).Skip(1).Select(l => l.Split(',')[0].Trim()).Where(c => c.Length > 0).Distinct().ToList();
}
