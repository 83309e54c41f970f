namespace Villages.Cli.Lines;

/// <summary>A named set of regions, defined before any line is sent so that its figures start complete.</summary>
public sealed record ProgrammeRecord(string Id, string Name, IReadOnlyList<string> Members);
