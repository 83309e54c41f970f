using Villages.Abstractions.Registry;
using Villages.Domain.Income;

namespace Villages.Grains.Journal;

/// <summary>A registered seller as the journal keeps it; HasSales makes its village permanent.</summary>
public sealed record SellerRecord(string SellerId, string Name, string VillageCode, SellerKind Kind, int Members, bool HasSales)
{
    public SellerProfile ToProfile() => new(SellerId, Name, VillageCode, Kind, Members);
}

/// <summary>Which journal rows a figures grain is made of.</summary>
public abstract record JournalScope
{
    public sealed record Everything : JournalScope;

    public sealed record OfSeller(string SellerId) : JournalScope;

    /// <summary>Every row whose village code starts with the prefix (a region below the nation).</summary>
    public sealed record UnderRegion(string CodePrefix) : JournalScope;

    public static JournalScope ForRegion(string code) =>
        code == Domain.Regions.RegionCode.Nation ? new Everything() : new UnderRegion(code);
}

/// <summary>Batches (AfterSeq, UptoSeq] of one ledger.</summary>
public readonly record struct BatchWindow(int Ledger, long AfterSeq, long UptoSeq);

/// <summary>What happened to one refund line inside the journal's transaction.</summary>
public enum RefundOutcome
{
    Accepted,
    Duplicate,
    UnknownSale,
    OtherSellersSale,
    ExceedsAmountLeft,
    ExceedsQuantityLeft,
}

public readonly record struct RefundCheck(RefundOutcome Outcome, long AmountLeftFen, long QuantityLeft);

/// <summary>Input rows for the income report of a scope.</summary>
public sealed record HouseholdYear(string SellerId, HouseholdIncome Income);

/// <summary>An accepted row, the batch that accepted it, and the village it rolls up through.</summary>
public sealed record RoutedEntry(Abstractions.Rollup.RollupEntry Entry, long Seq, string VillageCode);
