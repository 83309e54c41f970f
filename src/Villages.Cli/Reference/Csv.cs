namespace Villages.Cli.Reference;

/// <summary>The reference files are plain CSV with a header row and names in quotes; codes never are quoted.</summary>
internal static class Csv
{
    public static IEnumerable<string[]> Rows(TextReader reader)
    {
        _ = reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return Split(line);
            }
        }
    }

    public static IEnumerable<string[]> Rows(string path)
    {
        using var reader = new StreamReader(path);
        foreach (var row in Rows(reader))
        {
            yield return row;
        }
    }

    private static string[] Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString().TrimEnd('\r'));
        return [.. cells];
    }
}
