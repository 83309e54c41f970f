using System.Text.Json;

namespace Villages.Domain.Ingest;

/// <summary>One element of a batch: its JSON object, or why it could not be read as one.</summary>
public readonly record struct RawLine(int Index, JsonElement? Json, string? Error);

/// <summary>
/// Splits a request body into lines. A JSON array's elements are lines; with NDJSON each non-blank text line is.
/// A body that is no batch at all (not an array, broken array syntax, too many lines) is refused whole;
/// a single NDJSON line that is not JSON is only that line's rejection.
/// </summary>
public static class BatchReader
{
    public const int MaxLines = 10_000;

    public static bool TryRead(ReadOnlyMemory<byte> body, bool ndjson, out List<RawLine> lines, out string? error)
    {
        lines = [];
        error = null;
        return ndjson ? ReadNdjson(body, lines, ref error) : ReadArray(body, lines, ref error);
    }

    private static bool ReadArray(ReadOnlyMemory<byte> body, List<RawLine> lines, ref string? error)
    {
        JsonDocument document;
        try
        {
            // Elements are cloned below, so the document's pooled buffers go back when it is disposed.
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            error = $"The body is not valid JSON: {e.Message}";
            return false;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            document.Dispose();
            error = "The body must be a JSON array of lines (or NDJSON with Content-Type: application/x-ndjson).";
            return false;
        }

        var index = 0;
        foreach (var element in document.RootElement.EnumerateArray())
        {
            if (index == MaxLines)
            {
                document.Dispose();
                error = $"A batch holds at most {MaxLines} lines.";
                return false;
            }

            lines.Add(element.ValueKind == JsonValueKind.Object
                ? new RawLine(index, element.Clone(), null)
                : new RawLine(index, null, "a line must be a JSON object"));
            index++;
        }

        document.Dispose();
        return true;
    }

    private static bool ReadNdjson(ReadOnlyMemory<byte> body, List<RawLine> lines, ref string? error)
    {
        var rest = body;
        var index = 0;
        while (!rest.IsEmpty)
        {
            var newline = rest.Span.IndexOf((byte)'\n');
            var line = newline < 0 ? rest : rest[..newline];
            rest = newline < 0 ? ReadOnlyMemory<byte>.Empty : rest[(newline + 1)..];
            if (IsBlank(line.Span))
            {
                continue;
            }

            if (index == MaxLines)
            {
                error = $"A batch holds at most {MaxLines} lines.";
                return false;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                lines.Add(document.RootElement.ValueKind == JsonValueKind.Object
                    ? new RawLine(index, document.RootElement.Clone(), null)
                    : new RawLine(index, null, "a line must be a JSON object"));
            }
            catch (JsonException e)
            {
                lines.Add(new RawLine(index, null, $"is not valid JSON: {e.Message}"));
            }

            index++;
        }

        if (index == 0)
        {
            error = "The NDJSON body holds no lines.";
            return false;
        }

        return true;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }
}
