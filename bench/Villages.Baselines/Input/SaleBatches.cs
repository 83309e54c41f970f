using Villages.Domain.Ingest;

namespace Villages.Baselines.Input;

/// <summary>One batch file's sale lines after the domain's parser, and how many lines it refused.</summary>
internal sealed record ParsedBatch(string File, IReadOnlyList<SaleLine> Lines, int Rejected);

/// <summary>The batch files <c>sales-000001.json</c>, <c>sales-000002.json</c>, … of an input folder, in order.</summary>
internal static class SaleBatches
{
    public static IReadOnlyList<string> Files(string directory)
    {
        var files = Directory.GetFiles(directory, "sales-*.json");
        Array.Sort(files, StringComparer.Ordinal);
        return files.Length > 0 ? files : throw new InvalidDataException($"{directory} holds no sales-*.json batch files");
    }

    /// <summary>
    /// Parses a body exactly as POST /api/sales does (BatchReader, then LineParser.TryParseSale per line), so the
    /// baselines pay the same parsing cost as the gateway. A bad line is counted and skipped, as the gateway rejects it.
    /// </summary>
    public static ParsedBatch Parse(string file, ReadOnlyMemory<byte> body)
    {
        if (!BatchReader.TryRead(body, ndjson: false, out var raw, out var error))
        {
            throw new InvalidDataException($"{file}: {error}");
        }

        var lines = new List<SaleLine>(raw.Count);
        var rejected = 0;
        foreach (var line in raw)
        {
            if (LineParser.TryParseSale(line, out var sale, out _))
            {
                lines.Add(sale!);
            }
            else
            {
                rejected++;
            }
        }

        return new ParsedBatch(file, lines, rejected);
    }
}
