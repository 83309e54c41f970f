namespace Villages.Abstractions.Rollup;

/// <summary>
/// Knows up to when figures are complete: each ledger says when it has acknowledged lines not yet rolled up
/// (and since when); figures are complete up to the oldest such acknowledgement, or up to now when there is none.
/// </summary>
[Alias("villages.freshness")]
public interface IFreshnessGrain : IGrainWithIntegerKey
{
    [Alias("pending")]
    Task Pending(int ledger, DateTimeOffset? oldestUnrolledAck);

    [Alias("as-of")]
    Task<DateTimeOffset> AsOf();
}
