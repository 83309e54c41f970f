using Villages.Baselines.Input;
using Villages.Baselines.Measuring;
using Villages.Baselines.Queries;

namespace Villages.Baselines.Reporting;

/// <summary>
/// One run's figures, written as the --json object. Both baselines fill the same shape; a figure a baseline does not
/// have is null. For the memory baseline ingestLinesPerSecond is parse and aggregation together on one thread.
/// </summary>
internal sealed record BaselineReport
{
    public required string Baseline { get; init; }
    public required string Input { get; init; }
    public required int Batches { get; init; }
    public required long Lines { get; init; }
    public required long Rejected { get; init; }
    public long Duplicates { get; init; }
    public required double IngestSeconds { get; init; }
    public required double IngestLinesPerSecond { get; init; }
    public double? ParseLinesPerSecond { get; init; }
    public double? AggregationLinesPerSecond { get; init; }
    public LatencySummary? BatchAck { get; init; }
    public int? Parallel { get; init; }
    public double? ProbeQueriesPerSecond { get; init; }
    public required Targets Targets { get; init; }
    public required QueryLatencies Queries { get; init; }
    public QueryLatencies? QueriesUnderLoad { get; init; }
    public LatencySummary? Freshness { get; init; }
    public required long PeakMemoryBytes { get; init; }
    public long? PeakMemorySharedCountedOnceBytes { get; init; }
    public required string PeakMemoryNote { get; init; }
    public ServerFacts? Server { get; init; }
    public required QueryAnswers Answers { get; init; }
}

/// <summary>The PostgreSQL server as the run found it: what the durability claim and the figures rest on.</summary>
internal sealed record ServerFacts(
    string Version,
    string SynchronousCommit,
    string Fsync,
    string SharedBuffers,
    string MaxParallelWorkersPerGather,
    string WorkMem,
    IReadOnlyList<string> Indexes,
    long SalesTableBytes,
    double AnalyzeSeconds);
