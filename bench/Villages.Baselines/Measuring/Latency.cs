using System.Diagnostics;

namespace Villages.Baselines.Measuring;

/// <summary>Percentiles of a set of timings, in milliseconds; nearest-rank, so every figure is a time that was measured.</summary>
internal sealed record LatencySummary(double P50Ms, double P99Ms, double MaxMs, int Runs)
{
    public static LatencySummary? Of(IReadOnlyCollection<TimeSpan> samples)
    {
        if (samples.Count == 0)
        {
            return null;
        }

        var sorted = samples.Select(s => s.TotalMilliseconds).Order().ToArray();
        return new LatencySummary(Rank(sorted, 0.50), Rank(sorted, 0.99), sorted[^1], sorted.Length);
    }

    private static double Rank(double[] sorted, double fraction) =>
        sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Length) - 1)];

    public override string ToString() => $"p50 {P50Ms,9:F3} ms  p99 {P99Ms,9:F3} ms  max {MaxMs,9:F3} ms  ({Runs} runs)";
}

/// <summary>Runs a query a few times untimed, then times it up to a number of runs or a time budget, whichever ends first.</summary>
internal static class QueryTimer
{
    /// <summary>
    /// Warm-ups last at least this long: .NET compiles a method's optimised code only after some calls and a short delay,
    /// so a handful of microsecond-long runs would time the first-tier code.
    /// </summary>
    public static readonly TimeSpan MinWarmup = TimeSpan.FromSeconds(1);

    /// <summary>At least this many timed runs even past the budget, so a p50 means something for a slow query.</summary>
    public const int MinRuns = 10;

    public static async Task<LatencySummary> Time(Func<Task> query, int warmups, int runs, TimeSpan budget)
    {
        var warming = Stopwatch.GetTimestamp();
        for (var i = 0; i < warmups || (warmups > 0 && Stopwatch.GetElapsedTime(warming) < MinWarmup); i++)
        {
            await query();
        }

        var samples = new List<TimeSpan>(runs);
        var started = Stopwatch.GetTimestamp();
        while (samples.Count < runs && (samples.Count < MinRuns || Stopwatch.GetElapsedTime(started) < budget))
        {
            var t0 = Stopwatch.GetTimestamp();
            await query();
            samples.Add(Stopwatch.GetElapsedTime(t0));
        }

        return LatencySummary.Of(samples)!;
    }

    /// <summary>The same for a synchronous query (the in-memory loop's), without an await in the timed span.</summary>
    public static LatencySummary Time(Action query, int warmups, int runs, TimeSpan budget) =>
        Time(() =>
        {
            query();
            return Task.CompletedTask;
        }, warmups, runs, budget).GetAwaiter().GetResult();
}
