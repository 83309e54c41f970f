using Villages.Abstractions.Ingest;
using Villages.Domain.Time;

namespace Villages.Abstractions.Rollup;

/// <summary>One accepted sale (Kind 1) or refund (Kind 2) as the figures grains apply it.</summary>
[GenerateSerializer, Immutable, Alias("villages.rollup-entry")]
public sealed record RollupEntry(
    [property: Id(0)] byte Kind,
    [property: Id(1)] int Hour,
    [property: Id(2)] byte Platform,
    [property: Id(3)] byte Category,
    [property: Id(4)] string Product,
    [property: Id(5)] long AmountFen,
    [property: Id(6)] long Quantity,
    [property: Id(7)] long WeightGrams,
    [property: Id(8)] ulong CustomerHash)
{
    /// <summary>An accepted sale as the figures grains apply it: its CST hour and its customer by hash.</summary>
    public static RollupEntry OfSale(SaleEntry sale) =>
        new(1, Cst.HourOf(sale.Time), sale.Platform, sale.Category, sale.Product, sale.AmountFen, sale.Quantity, sale.WeightGrams, Domain.Hashing.CustomerHash.Of(sale.Customer));
}

/// <summary>
/// Everything ledger <see cref="Ledger"/> accepted for one target in its batches (FromSeq, ToSeq], in batch order, with
/// where each batch's entries start. A target that has applied up to exactly FromSeq or beyond it without overlap
/// applies it; one that already passed ToSeq ignores it; one that has applied part of it applies only the batches
/// after its own position (see docs/architecture.md).
/// </summary>
[GenerateSerializer, Immutable, Alias("villages.rollup-delta")]
public sealed record RollupDelta(
    [property: Id(0)] int Ledger,
    [property: Id(1)] long FromSeq,
    [property: Id(2)] long ToSeq,
    [property: Id(3)] IReadOnlyList<RollupEntry> Entries,
    [property: Id(4)] IReadOnlyList<BatchStart> Batches)
{
    /// <summary>The index of the first entry from a batch after <paramref name="seq"/> (Entries.Count when none is).</summary>
    public int FirstEntryAfter(long seq)
    {
        foreach (var batch in Batches)
        {
            if (batch.Seq > seq)
            {
                return batch.Start;
            }
        }

        return Entries.Count;
    }
}

/// <summary>The entries of batch <see cref="Seq"/> begin at index <see cref="Start"/> of a delta's entries.</summary>
[GenerateSerializer, Immutable, Alias("villages.rollup-batch-start")]
public readonly record struct BatchStart([property: Id(0)] long Seq, [property: Id(1)] int Start);

/// <summary>
/// A grain whose figures ledgers roll up into: a region from village to nation. A seller is one too, for the ledgers
/// of builds that sent sellers their rows; it reads them from the journal instead (see docs/architecture.md).
/// </summary>
[Alias("villages.rollup-target")]
public interface IRollupTarget : IGrainWithStringKey
{
    /// <summary>
    /// A target of this build lets deltas interleave with its other calls (it orders them itself, and queries go on while
    /// one waits); the target decides, not the caller, so a target of an older build still takes them one at a time.
    /// </summary>
    [Alias("apply")]
    Task Apply(RollupDelta delta);

    /// <summary>Raw cells (tally and customer sketch) for a series, so a programme can merge its members exactly.</summary>
    [Alias("series-cells")]
    Task<IReadOnlyList<byte[]>> SeriesCells(Queries.SeriesRequest request);

    [Alias("range-cell")]
    Task<byte[]> RangeCell(DateTime? from, DateTime? to);
}
