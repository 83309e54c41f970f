namespace Villages.Cli.Load;

/// <summary>Everything a load run measured, as printed and as written by --json for a benchmark script to collect.</summary>
public sealed record LoadResult(
    LoadSetup Setup,
    RegistrationResult? Registration,
    IngestResult? Ingest,
    QueryResults? Queries,
    FreshnessResult? Freshness)
{
    /// <summary>A clean run: no line rejected, no batch, query or probe failed.</summary>
    public bool Ok =>
        (Ingest is null || (Ingest.Rejected == 0 && Ingest.FailedBatches == 0))
        && (Queries is null || (Queries.National.Errors == 0 && Queries.CountySeries.Errors == 0 && Queries.VillageChildren.Errors == 0))
        && (Freshness is null || Freshness.Failed == 0);
}

public sealed record LoadSetup(
    string Url,
    string Mode,
    int Seed,
    string Run,
    int Sellers,
    int Villages,
    int VillagesUsed,
    string VillagesSource,
    long CustomerPool,
    int Year,
    long? Count,
    double? DurationSeconds,
    double? Rate,
    int BatchSize,
    int Parallel,
    string BusiestCounty,
    string BusiestVillage);

public sealed record RegistrationResult(int Sellers, int Created, int Existing, int Parallel, double Seconds, double SellersPerSecond);

public sealed record IngestResult(
    long Lines,
    long Accepted,
    long Duplicates,
    long Rejected,
    long Batches,
    long FailedBatches,
    long FailedLines,
    int Retries,
    double Seconds,
    double LinesPerSecond,
    long LinesGeneratedAhead,
    LatencySummary? BatchLatency,
    IReadOnlyList<string> Problems);

public sealed record QueryResults(double? RatePerSecond, double Seconds, QueryResult National, QueryResult CountySeries, QueryResult VillageChildren);

public sealed record QueryResult(string Path, int Count, int Errors, LatencySummary? Latency, string? FirstError);

/// <param name="Repeated">Probes whose sale an earlier run with the same seed and run tag had sent: nothing to time.</param>
public sealed record FreshnessResult(int Probes, int Measured, int Failed, int Repeated, int AfterPosting, LatencySummary? Latency, string? FirstFailure);
