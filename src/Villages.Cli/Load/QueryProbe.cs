using System.Diagnostics;
using System.Globalization;

namespace Villages.Cli.Load;

/// <summary>
/// The three benchmark queries, asked round-robin one at a time: the national total, the busiest county's days over
/// the year, and the busiest village's top ten sellers. One at a time so the probe measures the node, never adds load
/// of its own; when an answer is late the schedule slips rather than bursts.
/// </summary>
internal sealed class QueryProbe
{
    private readonly HttpClient _client;
    private readonly ProbeQuery[] _queries;
    private long _asked;

    public QueryProbe(HttpClient client, LoadPlan plan)
    {
        _client = client;
        var year = plan.Options.Year;
        var from = year.ToString(CultureInfo.InvariantCulture);
        var to = (year + 1).ToString(CultureInfo.InvariantCulture);
        National = new ProbeQuery("api/regions/CN");
        CountySeries = new ProbeQuery($"api/regions/{plan.BusiestCounty}/series?from={from}-01-01&to={to}-01-01&interval=day");
        VillageChildren = new ProbeQuery($"api/regions/{plan.BusiestVillage}/children?sort=net&top=10");
        _queries = [National, CountySeries, VillageChildren];
    }

    public ProbeQuery National { get; }

    public ProbeQuery CountySeries { get; }

    public ProbeQuery VillageChildren { get; }

    /// <summary>Read by the freshness probe of a queries-only run to spread its probes.</summary>
    public long Asked => Interlocked.Read(ref _asked);

    /// <summary>Asks at <paramref name="perSecond"/> (null: back to back) until <paramref name="limit"/> queries or <paramref name="stop"/>.</summary>
    public async Task<TimeSpan> RunAsync(double? perSecond, long? limit, CancellationToken stop, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var next = TimeSpan.Zero;
        var interval = perSecond is { } r ? TimeSpan.FromSeconds(1 / r) : TimeSpan.Zero;
        while (!stop.IsCancellationRequested && (limit is null || Asked < limit))
        {
            if (next - clock.Elapsed is { Ticks: > 0 } wait)
            {
                try
                {
                    await Task.Delay(wait, stop);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested && !ct.IsCancellationRequested)
                {
                    break;
                }
            }

            await _queries[Asked % _queries.Length].MeasureAsync(_client, ct);
            Interlocked.Increment(ref _asked);
            next += interval;
            if (next < clock.Elapsed - interval)
            {
                next = clock.Elapsed;
            }
        }

        return clock.Elapsed;
    }

    public QueryResults Result(double? perSecond, TimeSpan elapsed) =>
        new(perSecond, Math.Round(elapsed.TotalSeconds, 3), National.Result(), CountySeries.Result(), VillageChildren.Result());
}
