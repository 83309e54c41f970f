namespace Villages.Grains.Figures;

/// <summary>
/// When a figures grain rewrites its checkpoint. A checkpoint only shortens the journal catch-up after a crash or a
/// move; it is not what makes figures durable, and each one rewrites the whole book.
/// </summary>
internal static class CheckpointPolicy
{
    /// <summary>
    /// Not worth a write that would spare a catch-up of fewer rows than this: such a catch-up is one indexed read of a
    /// few hundred small rows. At a million sellers, the checkpoints of books of a sale or two (nearly every seller
    /// and village) queued by the hundred thousand behind the storage's one writer, their bytes held meanwhile: over
    /// a gigabyte at the peak, and the ledgers' own writes waited behind them.
    /// </summary>
    public const int FromEntries = 256;

    /// <summary>
    /// The timer rewrites a book only after this many bytes of its last checkpoint's size in applied rows, so that
    /// timed checkpoints rewrite about this many bytes for each row a book applies, less than the journal's own
    /// 250–300 bytes a row (a deactivation still writes whatever it owes). Without it the nation's book, 125 MB at a
    /// hundredth of the seed scenario, was rewritten after every 200,000 rows (13 and 14 times in runs of 322 and
    /// 330 s at three hundredths), each time as new arrays on the collector's large-object heap. The price is a
    /// longer catch-up after a crash: up to a hundredth of the book's size in rows (a million for a 100 MB book).
    /// </summary>
    public const int BytesPerEntry = 100;

    /// <summary>With tens of thousands of grains active, checkpointing each every few seconds costs more than ingest.</summary>
    public const int AfterEntries = 200_000;

    public static readonly TimeSpan Age = TimeSpan.FromMinutes(2);

    /// <summary>Whether a checkpoint would spare enough catch-up to be worth writing at all (on deactivation too).</summary>
    public static bool WorthWriting(long entriesSince) => entriesSince >= FromEntries;

    /// <summary>Whether the checkpoint timer should write now.</summary>
    public static bool Due(long entriesSince, int lastCheckpointBytes, TimeSpan sinceLast) =>
        entriesSince >= Math.Max(FromEntries, lastCheckpointBytes / BytesPerEntry)
        && (entriesSince >= AfterEntries || sinceLast >= Age);
}
