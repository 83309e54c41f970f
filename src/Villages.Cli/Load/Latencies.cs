namespace Villages.Cli.Load;

/// <summary>
/// Every latency of one kind of request, kept whole: batches, queries and probes number thousands, not millions,
/// so percentiles are exact rather than estimated from buckets.
/// </summary>
internal sealed class Latencies
{
    private readonly Lock _gate = new();
    private readonly List<double> _milliseconds = [];

    public void Add(TimeSpan elapsed)
    {
        lock (_gate)
        {
            _milliseconds.Add(elapsed.TotalMilliseconds);
        }
    }

    public LatencySummary? Summary()
    {
        double[] sorted;
        lock (_gate)
        {
            sorted = [.. _milliseconds];
        }

        Array.Sort(sorted);
        return LatencySummary.Of(sorted);
    }
}

/// <summary>Milliseconds; percentiles by nearest rank, so each is a latency that was actually seen.</summary>
public sealed record LatencySummary(int Count, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    public static LatencySummary? Of(IReadOnlyList<double> sortedMilliseconds) => sortedMilliseconds.Count == 0
        ? null
        : new LatencySummary(
            sortedMilliseconds.Count,
            Rank(sortedMilliseconds, 0.50),
            Rank(sortedMilliseconds, 0.90),
            Rank(sortedMilliseconds, 0.99),
            Math.Round(sortedMilliseconds[^1], 3));

    private static double Rank(IReadOnlyList<double> sorted, double p) =>
        Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)], 3);
}
