using Villages.Abstractions.Rollup;
using Villages.Domain.Regions;
using Villages.Grains.Journal;

namespace Villages.Grains.Ledger;

/// <summary>
/// The accepted lines of a ledger not yet rolled up, grouped by the grain each must reach: every region above its
/// village. One message per grain per roll-up, however many lines, keeps the nation off the hot path. Sellers and
/// villages are not among them: they read their own rows from the journal when asked (docs/architecture.md).
/// </summary>
internal sealed class RollupBatch
{
    public Dictionary<string, TargetEntries> Regions { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds a line; lines must come in batch order.</summary>
    public void Add(RoutedEntry routed)
    {
        for (string? code = RegionCode.Parent(routed.VillageCode); code is not null; code = RegionCode.Parent(code))
        {
            if (!Regions.TryGetValue(code, out var entries))
            {
                entries = new TargetEntries();
                Regions.Add(code, entries);
            }

            entries.Add(routed.Seq, routed.Entry);
        }
    }
}

/// <summary>One target's entries of a window, in batch order, and where each batch's entries begin.</summary>
internal sealed class TargetEntries
{
    private readonly List<RollupEntry> _entries = [];

    // Most targets take one batch's lines in a window: a seller sells a few times an hour.
    private readonly List<BatchStart> _batches = new(1);

    public void Add(long seq, RollupEntry entry)
    {
        if (_batches.Count == 0 || _batches[^1].Seq < seq)
        {
            _batches.Add(new BatchStart(seq, _entries.Count));
        }
        else if (_batches[^1].Seq > seq)
        {
            // A target that skips the batches it has would then skip lines it lacks, or count some twice.
            throw new InvalidOperationException($"Batch {seq} came after batch {_batches[^1].Seq}; a roll-up takes its lines in batch order.");
        }

        _entries.Add(entry);
    }

    public RollupDelta ToDelta(int ledger, long fromSeq, long toSeq) => new(ledger, fromSeq, toSeq, _entries, _batches);
}
