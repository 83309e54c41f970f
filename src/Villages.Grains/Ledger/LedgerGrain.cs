using Microsoft.Extensions.Logging;
using Orleans.Storage;
using Villages.Abstractions.Ingest;
using Villages.Abstractions.Registry;
using Villages.Abstractions.Rollup;
using Villages.Domain.Money;
using Villages.Domain.Regions;
using Villages.Grains.Journal;

namespace Villages.Grains.Ledger;

/// <summary>
/// A partition of the sales ledger (see docs/architecture.md). Calls are taken one at a time, so batch numbers,
/// refund checks and registrations of its sellers never race. Each call is one journal transaction and is
/// acknowledged only after it commits; the roll-up to figures grains runs on a timer, interleaved with ingest.
/// </summary>
public sealed class LedgerGrain(
    [PersistentState("ledger", StorageNames.Villages)] IPersistentState<LedgerState> state,
    IJournal journal,
    RollupTargets targets,
    ILogger<LedgerGrain> logger) : Grain, ILedgerGrain
{
    private static readonly TimeSpan RollupPeriod = TimeSpan.FromMilliseconds(200);

    // A window that reaches tens of thousands of regions seen for the first time activates each of them, and each
    // activation reads storage and the journal's positions; sent all at once they queued past the call timeout, the
    // roll-up failed, and its retry sent them all again (villages then, which take no deltas now; townships still).
    private const int MaxDeltasInFlight = 1024;

    private readonly Dictionary<string, SellerRecord> _sellers = new(StringComparer.Ordinal);

    // In batch order, which each delta keeps so that a target can skip the batches it already has.
    private List<RoutedEntry> _pending = [];
    private DateTimeOffset? _oldestPendingAck;
    private long _lastSeq;
    private Task _rollup = Task.CompletedTask;
    private Task _positionWrite = Task.CompletedTask;
    private bool _positionWriteQueued;
    private long _positionWritten;

    private int Id => (int)this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _positionWritten = state.State.RolledUpThrough;
        _lastSeq = await journal.LastSequence(Id);
        if (_lastSeq > state.State.RolledUpThrough)
        {
            // Acknowledged before a crash or a move, but not yet rolled up: send it again; targets drop what they have.
            _pending = await journal.ReadBatches(Id, state.State.RolledUpThrough, _lastSeq);
            _oldestPendingAck = DateTimeOffset.UtcNow;
        }

        this.RegisterGrainTimer(
            _ => RollUpNow(),
            new GrainTimerCreationOptions { DueTime = RollupPeriod, Period = RollupPeriod, Interleave = true });
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await RollUpNow();
        }
        catch (Exception e)
        {
            // Nothing is lost: the journal holds it and the next activation re-sends it.
            logger.LogWarning(e, "Ledger {Ledger} deactivates with {Count} lines not yet rolled up", Id, _pending.Count);
        }

        // Once more if the last write failed or an earlier one is still behind: the next activation starts from it.
        WritePosition();
        await _positionWrite;
    }

    public Task Wake() => Task.CompletedTask;

    public async Task Settle()
    {
        // Always chain after the roll-up in flight (the timer interleaves): an empty _pending may only mean its lines
        // are being sent right now.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await RollUpNow();
            }
            catch (Exception) when (attempt < 50)
            {
                await Task.Delay(200);
            }

            if (_pending.Count == 0)
            {
                return;
            }
        }
    }

    public async Task<RegistrationOutcome> RegisterSeller(SellerProfile profile)
    {
        _sellers.Remove(profile.SellerId);
        return await journal.RegisterSeller(profile);
    }

    public async Task<LedgerReceipt> RecordSales(IReadOnlyList<SaleEntry> sales)
    {
        var rejected = new List<Rejection>();
        var known = new List<(SaleEntry Sale, SellerRecord Seller)>(sales.Count);
        await LoadSellers(sales.Select(s => s.SellerId));
        foreach (var sale in sales)
        {
            if (_sellers.GetValueOrDefault(sale.SellerId) is { } seller)
            {
                known.Add((sale, seller));
            }
            else
            {
                rejected.Add(UnknownSeller(sale.Index, sale.SaleId, sale.SellerId));
            }
        }

        if (known.Count == 0)
        {
            return new LedgerReceipt(0, 0, rejected);
        }

        var seq = _lastSeq + 1;
        var accepted = await Journaled(() => journal.AppendSales(Id, seq, known));
        var routed = new List<RoutedEntry>();
        for (var i = 0; i < known.Count; i++)
        {
            if (accepted[i])
            {
                var (s, seller) = known[i];
                routed.Add(new RoutedEntry(
                    RollupEntry.OfSale(s),
                    seq,
                    seller.VillageCode));
                _sellers[s.SellerId] = seller with { HasSales = true };
            }
        }

        Committed(seq, routed);
        return new LedgerReceipt(routed.Count, known.Count - routed.Count, rejected);
    }

    public async Task<LedgerReceipt> RecordRefunds(IReadOnlyList<RefundEntry> refunds)
    {
        var rejected = new List<Rejection>();
        var known = new List<RefundEntry>(refunds.Count);
        await LoadSellers(refunds.Select(r => r.SellerId));
        foreach (var refund in refunds)
        {
            if (_sellers.ContainsKey(refund.SellerId))
            {
                known.Add(refund);
            }
            else
            {
                rejected.Add(UnknownSeller(refund.Index, refund.RefundId, refund.SellerId));
            }
        }

        if (known.Count == 0)
        {
            return new LedgerReceipt(0, 0, rejected);
        }

        var seq = _lastSeq + 1;
        var (checks, entries, villages) = await Journaled(() => journal.AppendRefunds(Id, seq, known));
        var routed = new List<RoutedEntry>();
        var duplicates = 0;
        for (var i = 0; i < known.Count; i++)
        {
            var r = known[i];
            switch (checks[i].Outcome)
            {
                case RefundOutcome.Accepted:
                    routed.Add(new RoutedEntry(entries[i]!, seq, villages[i]));
                    break;
                case RefundOutcome.Duplicate:
                    duplicates++;
                    break;
                default:
                    rejected.Add(RefundRejection(r, checks[i]));
                    break;
            }
        }

        Committed(seq, routed);
        return new LedgerReceipt(routed.Count, duplicates, rejected);
    }

    public async Task<LedgerReceipt> RecordIncome(IReadOnlyList<IncomeEntry> income)
    {
        var rejected = new List<Rejection>();
        var known = new List<IncomeEntry>(income.Count);
        await LoadSellers(income.Select(i => i.SellerId));
        foreach (var record in income)
        {
            if (_sellers.ContainsKey(record.SellerId))
            {
                known.Add(record);
            }
            else
            {
                rejected.Add(UnknownSeller(record.Index, record.SellerId, record.SellerId));
            }
        }

        var changed = known.Count == 0 ? [] : await Journaled(() => journal.AppendIncome(known));
        var accepted = changed.Count(c => c);
        return new LedgerReceipt(accepted, known.Count - accepted, rejected);
    }

    /// <summary>
    /// Puts the registered sellers among the ids that this ledger has not met yet into its cache, in one read: asked
    /// one line at a time, a batch of sellers seen for the first time (at a million sellers, nearly every line) was
    /// hundreds of reads in a row, each waiting its turn on a node busy rolling up.
    /// </summary>
    private async Task LoadSellers(IEnumerable<string> sellerIds)
    {
        var missing = sellerIds.Where(id => !_sellers.ContainsKey(id)).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, seller) in await journal.FindSellers(missing))
        {
            _sellers[id] = seller;
        }
    }

    /// <summary>
    /// A journal failure leaves this activation unsure whether its batch committed; it steps aside so the next
    /// activation starts again from what the journal holds.
    /// </summary>
    private async Task<T> Journaled<T>(Func<Task<T>> write)
    {
        try
        {
            return await write();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    private void Committed(long seq, List<RoutedEntry> routed)
    {
        if (routed.Count == 0)
        {
            return;
        }

        _lastSeq = seq;
        if (_pending.Count == 0 && _oldestPendingAck is null)
        {
            _oldestPendingAck = DateTimeOffset.UtcNow;
            _ = ReportFreshness();
        }

        _pending.AddRange(routed);
    }

    private Task RollUpNow()
    {
        _rollup = RollUpAfter(_rollup);
        return _rollup;
    }

    private async Task RollUpAfter(Task previous)
    {
        try
        {
            await previous;
        }
        catch (Exception)
        {
            // The previous attempt put its lines back; this one retries them.
        }

        await RollUpOnce();
    }

    private async Task RollUpOnce()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var lines = _pending;
        var oldestAck = _oldestPendingAck;
        var from = state.State.RolledUpThrough;
        var to = _lastSeq;
        _pending = [];
        try
        {
            // Inside the try: lines out of batch order are refused here, and must go back to _pending, not be lost.
            var batch = new RollupBatch();
            foreach (var line in lines)
            {
                batch.Add(line);
            }

            // Coarsest first: the nation and provinces are few and already active, so they are current within the
            // tick even when the window also reaches thousands of townships activating for the first time.
            var deltas = batch.Regions.OrderBy(r => r.Key == RegionCode.Nation ? 0 : r.Key.Length)
                .Select(r => (Target: targets.Region(r.Key), Delta: r.Value.ToDelta(Id, from, to)))
                .ToList();
            await BoundedSends.ForEach(deltas, MaxDeltasInFlight, d => d.Target.Apply(d.Delta));
        }
        catch (Exception e)
        {
            // Some targets may have applied (from, to]; the retry sends a window that starts at the same 'from',
            // whose batches up to their own position they skip. Older lines first: a delta's batches are in order.
            lines.AddRange(_pending);
            _pending = lines;
            _oldestPendingAck = oldestAck;
            logger.LogWarning(e, "Ledger {Ledger} could not roll up batches ({From}, {To}]; will retry", Id, from, to);
            throw;
        }

        state.State.RolledUpThrough = to;
        WritePosition();
        if (_pending.Count == 0)
        {
            _oldestPendingAck = null;
        }

        await ReportFreshness();
    }

    /// <summary>
    /// The position is written behind the roll-up, not in its way: every window up to it has been delivered, so the
    /// next one need not wait, and on the embedded node a ledger's small write can queue for most of a second behind
    /// the nation's checkpoint in the storage's one writer. A write that is lost, or fails, only makes the next
    /// activation send again windows its targets skip. Writes follow one another, and one write covers every window
    /// delivered before it starts.
    /// </summary>
    private void WritePosition()
    {
        // One write waiting behind the one in flight is enough: it reads the position when it starts.
        if (!_positionWriteQueued)
        {
            _positionWriteQueued = true;
            _positionWrite = WritePositionAfter(_positionWrite);
        }
    }

    private async Task WritePositionAfter(Task previous)
    {
        await previous;
        _positionWriteQueued = false;
        long through = 0;
        try
        {
            through = state.State.RolledUpThrough;
            if (through <= _positionWritten)
            {
                return;
            }

            await state.WriteStateAsync();
            _positionWritten = through;
        }
        catch (InconsistentStateException e)
        {
            // Another activation of this ledger wrote the row: none of this one's writes can succeed any more. Step
            // aside; the next activation reads the stored position and sends again what its targets may lack.
            logger.LogWarning(e, "Ledger {Ledger} found its position written by another activation; deactivating", Id);
            DeactivateOnIdle();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Ledger {Ledger} could not write its position {Through}; a later write will cover it", Id, through);
        }
    }

    private Task ReportFreshness() =>
        GrainFactory.GetGrain<IFreshnessGrain>(0).Pending(Id, _pending.Count == 0 ? null : _oldestPendingAck);

    private static Rejection UnknownSeller(int index, string id, string sellerId) =>
        new(index, id, "sellerId", $"unknown seller '{sellerId}'; register it with PUT /api/sellers/{sellerId} first");

    private static Rejection RefundRejection(RefundEntry r, RefundCheck check) => check.Outcome switch
    {
        RefundOutcome.UnknownSale => new(r.Index, r.RefundId, "saleId", $"no accepted sale '{r.SaleId}' on {WireNames.Platform(r.Platform)}"),
        RefundOutcome.OtherSellersSale => new(r.Index, r.RefundId, "sellerId", $"sale '{r.SaleId}' belongs to another seller"),
        RefundOutcome.ExceedsAmountLeft => new(r.Index, r.RefundId, "amount", $"exceeds what is left of sale '{r.SaleId}' ({Fen.ToYuan(check.AmountLeftFen)} yuan)"),
        _ => new(r.Index, r.RefundId, "quantity", $"exceeds what is left of sale '{r.SaleId}' ({check.QuantityLeft} items)"),
    };
}
