namespace Villages.Cli.Posting;

/// <summary>What the API acknowledged, kind by kind; a rerun of the same plan shows everything as duplicates.</summary>
public sealed record ScenarioReport(
    int SellersCreated,
    int SellersExisting,
    LineCounts Sales,
    LineCounts Refunds,
    LineCounts Income,
    int Batches,
    int Retries,
    string? SettledAsOf,
    TimeSpan Elapsed);

public sealed record LineCounts(long Sent, long Accepted, long Duplicates);
