namespace Villages.Baselines.Queries;

/// <summary>
/// The nation's totals over everything, money in fen. There are no refunds in the benchmark's input, so refunds are
/// zero and net equals gross; they are kept so the figures read like the API's.
/// </summary>
internal sealed record NationalTotals(long GrossFen, long RefundsFen, long NetFen, long Orders, long Items, long Customers);

/// <summary>One CST day of a region's series; Customers is null where the baseline keeps no buyers at that level.</summary>
internal sealed record DayPoint(DateOnly Day, long GrossFen, long NetFen, long Orders, long Items, long? Customers);

/// <summary>A seller of a village with its lifetime figures, as the children ranking lists them.</summary>
internal sealed record ChildRow(string SellerId, long NetFen, long GrossFen, long Orders, long Items, long? Customers);

/// <summary>The three queries the benchmark asks, answered by either baseline.</summary>
internal interface IBaselineQueries
{
    Task<NationalTotals> National(CancellationToken cancel = default);

    /// <summary>Every CST day of <paramref name="year"/> in the region of <paramref name="countyCode"/>, empty days as zeros.</summary>
    Task<IReadOnlyList<DayPoint>> CountySeries(string countyCode, int year, CancellationToken cancel = default);

    /// <summary>The village's sellers ranked by net, highest first (ties by seller id), the first <paramref name="top"/>.</summary>
    Task<IReadOnlyList<ChildRow>> VillageChildren(string villageCode, int top, CancellationToken cancel = default);
}
