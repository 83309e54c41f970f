using Villages.Abstractions.Rollup;

namespace Villages.Grains.Scopes;

/// <summary>
/// Held in memory only: after a restart every ledger reports again as it rolls up, and a ledger that has not
/// reported yet has, as far as anyone can tell, nothing pending.
/// </summary>
public sealed class FreshnessGrain : Grain, IFreshnessGrain
{
    private readonly Dictionary<int, DateTimeOffset> _pendingSince = [];

    public Task Pending(int ledger, DateTimeOffset? oldestUnrolledAck)
    {
        if (oldestUnrolledAck is { } since)
        {
            _pendingSince[ledger] = since;
        }
        else
        {
            _pendingSince.Remove(ledger);
        }

        return Task.CompletedTask;
    }

    public Task<DateTimeOffset> AsOf()
    {
        var asOf = _pendingSince.Count == 0 ? DateTimeOffset.UtcNow : _pendingSince.Values.Min();
        return Task.FromResult(asOf);
    }
}
