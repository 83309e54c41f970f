using Villages.Domain.Catalog;
using Villages.Domain.Ingest;

namespace Villages.Abstractions.Ingest;

/// <summary>A validated sale line on its way to its seller's ledger, with its position in the client's batch.</summary>
[GenerateSerializer, Immutable, Alias("villages.sale-entry")]
public sealed record SaleEntry(
    [property: Id(0)] int Index,
    [property: Id(1)] byte Platform,
    [property: Id(2)] string SaleId,
    [property: Id(3)] string SellerId,
    [property: Id(4)] DateTimeOffset Time,
    [property: Id(5)] string Product,
    [property: Id(6)] byte Category,
    [property: Id(7)] long Quantity,
    [property: Id(8)] long WeightGrams,
    [property: Id(9)] long AmountFen,
    [property: Id(10)] string Customer)
{
    public static SaleEntry From(int index, SaleLine s) =>
        new(index, (byte)s.Platform, s.SaleId, s.SellerId, s.Time, s.Product, (byte)s.Category, s.Quantity, s.WeightGrams, s.AmountFen, s.Customer);
}

[GenerateSerializer, Immutable, Alias("villages.refund-entry")]
public sealed record RefundEntry(
    [property: Id(0)] int Index,
    [property: Id(1)] byte Platform,
    [property: Id(2)] string RefundId,
    [property: Id(3)] string SaleId,
    [property: Id(4)] string SellerId,
    [property: Id(5)] DateTimeOffset Time,
    [property: Id(6)] long AmountFen,
    [property: Id(7)] long Quantity)
{
    public static RefundEntry From(int index, RefundLine r) =>
        new(index, (byte)r.Platform, r.RefundId, r.SaleId, r.SellerId, r.Time, r.AmountFen, r.Quantity);
}

[GenerateSerializer, Immutable, Alias("villages.income-entry")]
public sealed record IncomeEntry(
    [property: Id(0)] int Index,
    [property: Id(1)] string SellerId,
    [property: Id(2)] int Year,
    [property: Id(3)] string Source,
    [property: Id(4)] long AmountFen)
{
    public static IncomeEntry From(int index, IncomeLine i) => new(index, i.SellerId, i.Year, i.Source, i.AmountFen);
}

/// <summary>A line the ledger refused, and why, by field.</summary>
[GenerateSerializer, Immutable, Alias("villages.rejection")]
public sealed record Rejection(
    [property: Id(0)] int Index,
    [property: Id(1)] string? Id,
    [property: Id(2)] string Field,
    [property: Id(3)] string Message);

/// <summary>What a ledger did with its part of a batch; sent only once every accepted line is durable.</summary>
[GenerateSerializer, Immutable, Alias("villages.ledger-receipt")]
public sealed record LedgerReceipt(
    [property: Id(0)] int Accepted,
    [property: Id(1)] int Duplicates,
    [property: Id(2)] IReadOnlyList<Rejection> Rejected)
{
    public static readonly LedgerReceipt Empty = new(0, 0, []);
}

/// <summary>The names the contract uses for platforms and categories, for the wire bytes above.</summary>
public static class WireNames
{
    public static string Platform(byte platform) => CatalogNames.Name((Platform)platform);

    public static string Category(byte category) => CatalogNames.Name((Category)category);
}
