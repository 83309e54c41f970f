using System.Diagnostics;
using Villages.Baselines.Input;
using Villages.Baselines.Measuring;
using Villages.Baselines.Queries;

namespace Villages.Baselines.Postgres;

/// <summary>
/// While ingest runs, asks the three queries in turn at a fixed rate on a connection of its own, as dashboards would.
/// A query that overruns its slot delays the next one instead of piling more onto a loaded server.
/// </summary>
internal sealed class LoadProbe : IAsyncDisposable
{
    private readonly IBaselineQueries _queries;
    private readonly Targets _targets;
    private readonly TimeSpan _every;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TimeSpan>[] _samples = [[], [], []];
    private readonly Task _loop;

    public LoadProbe(IBaselineQueries queries, Targets targets, double perSecond)
    {
        _queries = queries;
        _targets = targets;
        _every = TimeSpan.FromSeconds(1 / perSecond);
        _loop = Task.Run(Loop);
    }

    /// <summary>Stops the loop, letting a query in flight finish, and summarises what was measured.</summary>
    public async Task<QueryLatencies> Stop()
    {
        await _stop.CancelAsync();
        await _loop;
        return new QueryLatencies(LatencySummary.Of(_samples[0]), LatencySummary.Of(_samples[1]), LatencySummary.Of(_samples[2]));
    }

    private async Task Loop()
    {
        var due = Stopwatch.GetTimestamp();
        for (var turn = 0; !_stop.IsCancellationRequested; turn++)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            var which = turn % 3;
            var t0 = Stopwatch.GetTimestamp();
            await (which switch
            {
                0 => _queries.National(),
                1 => (Task)_queries.CountySeries(_targets.County, _targets.Year),
                _ => _queries.VillageChildren(_targets.Village, IdleQueries.Top),
            });
            var took = Stopwatch.GetElapsedTime(t0);
            _samples[which].Add(took);
            // Next slot one period after this one was due, or now if this query overran it.
            due = Math.Max(due + (long)(_every.TotalSeconds * Stopwatch.Frequency), Stopwatch.GetTimestamp());
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await Stop();
        }

        _stop.Dispose();
    }
}
