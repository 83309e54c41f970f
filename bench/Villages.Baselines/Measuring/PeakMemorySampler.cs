namespace Villages.Baselines.Measuring;

/// <summary>The highest memory figures seen over a run, in bytes; see <see cref="PeakMemorySampler"/>.</summary>
internal sealed record PeakMemory(long SumOfHighWaterBytes, long SharedCountedOnceBytes, string Note);

/// <summary>
/// Samples the memory of this process and of the PostgreSQL server (the postmaster and its children) a few times a
/// second. Backends come and go (parallel query workers, autovacuum), so a single reading at the end would miss
/// some; the peak of the per-sample sums never adds up two processes that did not live at the same time.
/// </summary>
internal sealed class PeakMemorySampler : IAsyncDisposable
{
    private readonly int? _postmaster;
    private readonly TimeSpan _every;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Lock _gate = new();
    private long _sumOfHighWater;
    private long _sharedOnce;

    public PeakMemorySampler(int? postmaster, TimeSpan every)
    {
        _postmaster = postmaster;
        _every = every;
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(every);
            do
            {
                Sample();
            }
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
        });
    }

    public void Sample()
    {
        var self = ProcessMemory.Self() ?? default;
        var server = _postmaster is { } pm
            ? ProcessMemory.ChildrenOf(pm).Prepend(pm).Select(ProcessMemory.Read).OfType<ProcessMemory>().ToList()
            : [];
        // VmHWM counts each process's touched shared buffers and mapped binaries again; RssAnon is private to a process,
        // so anonymous memory plus the largest shared mapping is the figure that counts shared buffers once.
        var sum = self.HighWaterBytes + server.Sum(p => p.HighWaterBytes);
        var once = self.RssAnonBytes + server.Sum(p => p.RssAnonBytes) + server.Select(p => p.RssShmemBytes).DefaultIfEmpty(0).Max();
        lock (_gate)
        {
            _sumOfHighWater = Math.Max(_sumOfHighWater, sum);
            _sharedOnce = Math.Max(_sharedOnce, once);
        }
    }

    public PeakMemory Peak()
    {
        Sample();
        lock (_gate)
        {
            var note = _postmaster is null
                ? "this process only: the PostgreSQL server's processes could not be read from /proc (another host or container?)"
                : $"sum of VmHWM of this process and the PostgreSQL postmaster and its children, sampled every {_every.TotalMilliseconds} ms; it counts shared "
                  + "buffers and mapped binaries once per process that touched them. sharedCountedOnceBytes = peak of (sum of RssAnon "
                  + "+ the largest RssShmem), which counts them once.";
            return new PeakMemory(_sumOfHighWater, _sharedOnce, note);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // The sampler was stopped: that is how its loop ends.
        }

        _stop.Dispose();
    }
}
