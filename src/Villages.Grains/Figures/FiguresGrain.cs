using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Serialization.Invocation;
using Orleans.Storage;
using Villages.Abstractions.Ingest;
using Villages.Abstractions.Queries;
using Villages.Abstractions.Rollup;
using Villages.Domain.Figures;
using Villages.Grains.Journal;

namespace Villages.Grains.Figures;

/// <summary>
/// A grain that owns figures over time: a seller, or a region from village to nation. Its figures are what the
/// journal holds for its scope; it keeps them in memory, checkpoints them with per-ledger watermarks, and reads from
/// the journal whatever its checkpoint lacks. Ledgers then keep a region above the village current with deltas; a
/// seller or a village reads what the ledgers accepted for it since it last looked whenever it is asked
/// (<see cref="ReadsItsRowsWhenAsked"/>).
/// </summary>
[MayInterleave(nameof(DeltasInterleave))]
public abstract class FiguresGrain(IPersistentState<FiguresState> state, IJournal journal, ILogger logger) : Grain, IRollupTarget
{
    private static readonly TimeSpan CheckpointTick = TimeSpan.FromSeconds(15);

    private readonly BookTurns _turns = new();
    private long[] _applied = new long[LedgerPartition.Count];

    // A region's rows below the ledgers' positions it read at activation, not read yet (see Current): per ledger,
    // batches (_unreadFrom, _unreadThrough]. Both empty once read.
    private long[] _unreadFrom = [];
    private long[]? _unreadThrough;
    private long _entriesSinceCheckpoint;
    private DateTime _lastCheckpoint = DateTime.UtcNow;
    private int _lastCheckpointBytes;
    private Task _checkpoint = Task.CompletedTask;
    private IGrainTimer? _checkpointTimer;

    protected FiguresBook Book { get; private set; } = new();

    protected IJournal Journal => journal;

    protected abstract JournalScope Scope { get; }

    /// <summary>
    /// The one ledger that holds this grain's rows, if one does (a seller's, chosen by its id); null for a region. No
    /// ledger sends such a grain its rows: it reads them from that ledger's part of the journal whenever it is asked
    /// (<see cref="Current"/>), one seek through its own index. So ingest neither activates a seller nor keeps its book
    /// in memory, and a roll-up window sends one message less a line (docs/architecture.md, "Sellers and villages read
    /// their own rows").
    /// </summary>
    protected virtual int? OwnLedger => null;

    /// <summary>
    /// Whether no ledger sends this grain its rows, and it reads them from the journal at each query instead: a seller
    /// from its own ledger (<see cref="OwnLedger"/>), a village (RegionGrain) from every ledger, its sellers being
    /// spread over all of them, one seek a seller and ledger. Ingest then neither activates such a grain nor keeps its
    /// book, and a roll-up window sends no message to it (docs/architecture.md, "Sellers and villages read their own rows").
    /// </summary>
    protected virtual bool ReadsItsRowsWhenAsked => OwnLedger is not null;

    /// <summary>
    /// Whether a region kept current by deltas leaves its rows below the positions it read at activation until it is
    /// first asked or checkpointed (RegionGrain: a township), rather than reading them at activation.
    /// </summary>
    protected virtual bool ReadsRowsWhenFirstAsked => false;

    /// <summary>
    /// Takes the checkpoint (which Orleans read before activation). A seller or village reads its rows at its queries;
    /// a region above reads every ledger's position now and takes its deltas above it from here on, and its rows below
    /// it now or, for a township, at its first query or checkpoint (<see cref="ReadsRowsWhenFirstAsked"/>).
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Book = FiguresBook.FromBytes(state.State.Book);
        _lastCheckpointBytes = state.State.Book.Length;
        // The stored bytes are the book a second time over; the next checkpoint writes fresh ones.
        state.State.Book = [];
        if (state.State.Applied.Length == LedgerPartition.Count)
        {
            _applied = (long[])state.State.Applied.Clone();
        }

        if (!ReadsItsRowsWhenAsked)
        {
            // As a catch-up at activation would: from here on `applied` is where the positions were and deltas apply
            // above it; the rows below it are the journal's to give (ReadWhatActivationLacks), read just below or, for
            // a township, when first asked.
            var positions = await journal.LedgerPositions();
            _unreadFrom = (long[])_applied.Clone();
            for (var ledger = 0; ledger < _applied.Length; ledger++)
            {
                _applied[ledger] = Math.Max(_applied[ledger], positions[ledger]);
            }

            _unreadThrough = (long[])_applied.Clone();
            if (!ReadsRowsWhenFirstAsked)
            {
                await ReadWhatActivationLacks();
                StartCheckpointsWhenWorthIt();
            }
        }
    }

    /// <summary>
    /// Makes the book hold every line rolled up to this grain before the call: a seller or village reads what the
    /// ledgers committed for it since it last looked, so every line acknowledged before the call is in; a township,
    /// kept current by deltas above the positions it read at activation, reads once the rows below them that its
    /// checkpoint lacks (the regions above read them at activation). In the book's turn, since it changes the book.
    /// </summary>
    protected async Task Current()
    {
        if (ReadsItsRowsWhenAsked)
        {
            await _turns.Take(CatchUp);
            StartCheckpointsWhenWorthIt();
        }
        else if (_unreadThrough is not null)
        {
            await _turns.Take(ReadWhatActivationLacks);
            StartCheckpointsWhenWorthIt();
        }
    }

    /// <summary>
    /// Reads the grain's rows after its positions, with no position to read first, in one statement, which sees one
    /// moment of the journal (see <see cref="IJournal.ReadAfter(JournalScope, int, long)"/>): a ledger commits its
    /// batches in order, so each ledger's position moves to the last batch read from it, below which that read saw
    /// every batch of the ledger. The positions move only once every row read is in the book.
    /// </summary>
    private async Task CatchUp()
    {
        var rows = await RowsAfterPositions();
        var last = (long[])_applied.Clone();
        foreach (var (ledger, seq, entry) in rows)
        {
            Book.Apply(entry.ToMovement());
            last[ledger] = Math.Max(last[ledger], seq);
        }

        _entriesSinceCheckpoint += rows.Count;
        _applied = last;
    }

    /// <summary>
    /// A seller's rows of its own ledger, one seek; a village's of every ledger. A village that has read nothing yet (no
    /// checkpoint, no query) reads every row by the plain seek of its part of the index, cheaper than a seek a seller
    /// and ledger; the same rows, since a row's village is its seller's, fixed once it has sales (SqlJournal.AppendSales).
    /// </summary>
    private async Task<List<(int Ledger, long Seq, RollupEntry Entry)>> RowsAfterPositions()
    {
        if (OwnLedger is { } own)
        {
            return (await journal.ReadAfter(Scope, own, _applied[own])).Select(r => (own, r.Seq, r.Entry)).ToList();
        }

        return _applied.All(a => a == 0) ? await journal.ReadAll(Scope) : await journal.ReadAfter(Scope, (long[])_applied.Clone());
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Checkpoint();

    /// <summary>
    /// Deltas take turns on the book (<see cref="BookTurns"/>) rather than the grain's: they interleave with its other
    /// calls (<see cref="DeltasInterleave"/>), so a delta that waits behind a checkpoint being written out does not hold
    /// up the queries meanwhile.
    /// </summary>
    /// <remarks>
    /// A seller or village drops the delta: only a ledger of an earlier build sends one, and the grain reads the same
    /// rows from the journal when it is next asked.
    /// </remarks>
    public Task Apply(RollupDelta delta) => ReadsItsRowsWhenAsked ? Task.CompletedTask : _turns.Take(() => ApplyInTurn(delta));

    /// <summary>
    /// Orleans asks this of every call that would otherwise wait for the grain, and of the call it would wait for: a
    /// delta may start beside a query, and a query beside a delta. Decided here rather than by an attribute of the
    /// interface (which the caller's build would apply), so that a ledger of a newer build cannot make a target of an
    /// older one, which has no turns of its own, take two overlapping deltas at once.
    /// </summary>
    public static bool DeltasInterleave(IInvokable request) =>
        request.GetMethodName() == nameof(IRollupTarget.Apply) && typeof(IRollupTarget).IsAssignableFrom(request.GetInterfaceType());

    private Task ApplyInTurn(RollupDelta delta)
    {
        var applied = _applied[delta.Ledger];
        if (delta.ToSeq <= applied)
        {
            return Task.CompletedTask; // A resend of what this grain already has.
        }

        if (delta.FromSeq < applied && delta.Batches is null)
        {
            return ApplyFromJournal(delta, applied);
        }

        // Part of the window may have reached us already (below the positions read at activation, or through an
        // earlier attempt of the same window): its batches up to `applied` are skipped. The skipped part was read from
        // the journal here before, by every region the retried window reached: a range of village codes, which SQLite
        // answers by scanning the window's rows, so a retry after a time-out cost far more than the first attempt
        // (docs/benchmarks.md).
        var first = delta.FromSeq >= applied ? 0 : delta.FirstEntryAfter(applied);
        for (var i = first; i < delta.Entries.Count; i++)
        {
            Book.Apply(delta.Entries[i].ToMovement());
        }

        Applied(delta, delta.Entries.Count - first);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The part of an overlapping window this grain lacks, read from the journal: the window came from a ledger of an
    /// older build (a cluster upgraded silo by silo), which does not say where its batches begin.
    /// </summary>
    private async Task ApplyFromJournal(RollupDelta delta, long applied)
    {
        var lacking = await journal.ReadWindows(Scope, [new BatchWindow(delta.Ledger, applied, delta.ToSeq)]);
        foreach (var entry in lacking)
        {
            Book.Apply(entry.ToMovement());
        }

        Applied(delta, lacking.Count);
    }

    private void Applied(RollupDelta delta, int entries)
    {
        _applied[delta.Ledger] = delta.ToSeq;
        _entriesSinceCheckpoint += entries;
        StartCheckpointsWhenWorthIt();
    }

    public async Task<IReadOnlyList<SeriesPointView>> Series(SeriesRequest request)
    {
        await Current();
        return Book.Series(request.From, request.To, request.ToInterval(), request.ToSlice()).Select(p => p.ToView()).ToList();
    }

    public async Task<IReadOnlyList<byte[]>> SeriesCells(SeriesRequest request)
    {
        await Current();
        return Book.SeriesCells(request.From, request.To, request.ToInterval(), request.ToSlice()).Select(p => p.ToBytes()).ToList();
    }

    public async Task<FiguresView> Totals(DateTime? from, DateTime? to)
    {
        await Current();
        return RangeFigures(from, to).ToView();
    }

    public async Task<byte[]> RangeCell(DateTime? from, DateTime? to)
    {
        await Current();
        return RangeTotal(from, to).ToBytes();
    }

    /// <summary>The figures of <see cref="RangeTotal"/>, read in place where the range is one bucket (a year, a month).</summary>
    protected Domain.Figures.Figures RangeFigures(DateTime? from, DateTime? to) =>
        Bounded(from, to) is { } r ? Book.FiguresOf(r.From, r.To, Slice.Everything) : Book.Lifetime.ToFigures();

    private Cell RangeTotal(DateTime? from, DateTime? to) =>
        Bounded(from, to) is { } r ? Book.Sum(r.From, r.To, Slice.Everything) : Book.Lifetime;

    /// <summary>The range as bounds, or none for all time, which the lifetime cell answers as it is.</summary>
    private static (DateTime From, DateTime To)? Bounded(DateTime? from, DateTime? to) =>
        from is null && to is null ? null : Conversions.Bounds(from, to);

    protected Task<DateTimeOffset> AsOf() => GrainFactory.GetGrain<IFreshnessGrain>(0).AsOf();

    /// <summary>
    /// A region's one read of its rows below the positions read at activation: each ledger's batches above the
    /// checkpoint up to them (docs/architecture.md, "A township reads its rows when it is first asked"). At activation
    /// (a county and above) a read that fails fails the activation; later (a township) it changes nothing, and the next
    /// query or checkpoint reads again.
    /// </summary>
    private async Task ReadWhatActivationLacks()
    {
        if (_unreadThrough is not { } upTo)
        {
            return;
        }

        var from = _unreadFrom;
        var read = 0;
        if (from.All(a => a == 0))
        {
            // No checkpoint: one pass over the scope's rows, each counted only if its batch is within the bounds.
            foreach (var (ledger, seq, entry) in await journal.ReadAll(Scope))
            {
                if (seq <= upTo[ledger])
                {
                    Book.Apply(entry.ToMovement());
                    read++;
                }
            }
        }
        else
        {
            var windows = Enumerable.Range(0, upTo.Length)
                .Where(ledger => upTo[ledger] > from[ledger])
                .Select(ledger => new BatchWindow(ledger, from[ledger], upTo[ledger]))
                .ToList();
            foreach (var entry in await journal.ReadWindows(Scope, windows))
            {
                Book.Apply(entry.ToMovement());
                read++;
            }
        }

        _entriesSinceCheckpoint += read;
        _unreadThrough = null;
        _unreadFrom = [];
    }

    /// <summary>
    /// The checkpoint timer, from the moment a checkpoint would save a catch-up worth its write: most sellers and villages
    /// never get there, and a timer is a few hundred bytes of each of their activations.
    /// </summary>
    private void StartCheckpointsWhenWorthIt()
    {
        if (_checkpointTimer is not null || !CheckpointPolicy.WorthWriting(_entriesSinceCheckpoint))
        {
            return;
        }

        // Interleaved: while a checkpoint waits for storage, deltas and queries go on (the write works on a snapshot).
        // The first tick is spread over the period, so grains activated together do not all write together.
        _checkpointTimer = this.RegisterGrainTimer(
            _ => CheckpointPolicy.Due(_entriesSinceCheckpoint, _lastCheckpointBytes, DateTime.UtcNow - _lastCheckpoint)
                ? Checkpoint()
                : Task.CompletedTask,
            new GrainTimerCreationOptions { DueTime = CheckpointTick * Random.Shared.NextDouble(), Period = CheckpointTick, Interleave = true });
    }

    /// <summary>One checkpoint at a time: a deactivation waits for the timer's, then writes whatever came after it.</summary>
    private Task Checkpoint()
    {
        _checkpoint = CheckpointAfter(_checkpoint);
        return _checkpoint;
    }

    private async Task CheckpointAfter(Task previous)
    {
        try
        {
            await previous;
        }
        catch (Exception)
        {
            // Its caller (the timer, or the deactivation) saw it; a failed checkpoint must not fail every later one.
        }

        if (!CheckpointPolicy.WorthWriting(_entriesSinceCheckpoint))
        {
            return;
        }

        long saves = 0;
        await _turns.Take(async () =>
        {
            // The checkpoint's `applied` claims every row below it: a region reads what its activation lacks first.
            await ReadWhatActivationLacks();
            // A bucketed book is written out on another thread: the nation's took half a second under ingest, and in
            // the grain's turn every query waited for it. Its reads change nothing, so queries may read beside it; a
            // small book's reads sort its movements in place, and it is written out in a moment, so it stays in turn.
            // Nothing changes the book or `_applied` until this turn ends, so both are taken as of the same moment.
            var sizeHint = _lastCheckpointBytes;
            state.State.Book = Book.IsBucketed ? await Task.Run(() => Book.ToBytes(sizeHint)) : Book.ToBytes(sizeHint);
            _lastCheckpointBytes = state.State.Book.Length;
            state.State.Applied = (long[])_applied.Clone();
            saves = _entriesSinceCheckpoint;
            _entriesSinceCheckpoint = 0;
            _lastCheckpoint = DateTime.UtcNow;
        });
        try
        {
            await state.WriteStateAsync();
            state.State.Book = [];
        }
        catch (InconsistentStateException e)
        {
            // Another activation wrote this grain's row: this one may have missed deltas the other received. Step
            // aside; the next activation reads the row and catches up from the journal.
            logger.LogWarning(e, "Checkpoint of {Grain} conflicted; deactivating to reload", this.GetPrimaryKeyString());
            DeactivateOnIdle();
        }
        catch (Exception e)
        {
            _entriesSinceCheckpoint += saves;
            logger.LogWarning(e, "Checkpoint of {Grain} failed; the journal still holds everything, it will be retried", this.GetPrimaryKeyString());
        }
    }
}
