namespace Villages.Cli.Wire;

/// <summary>The gateway's answer to an ingest batch: <c>{accepted, duplicates, rejected: [{index, id, errors}]}</c>.</summary>
public sealed record IngestAnswer(int Accepted, int Duplicates, IReadOnlyList<RejectedLine> Rejected);

public sealed record RejectedLine(int Index, string? Id, IReadOnlyDictionary<string, string[]> Errors)
{
    public override string ToString() =>
        $"line {Index}{(Id is null ? "" : $" ({Id})")}: {string.Join("; ", Errors.Select(e => $"{e.Key} {string.Join(", ", e.Value)}"))}";
}
