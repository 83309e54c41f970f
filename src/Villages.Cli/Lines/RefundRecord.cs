using Villages.Domain.Catalog;

namespace Villages.Cli.Lines;

/// <summary>A partial refund of one earlier sale of the same seller on the same platform.</summary>
public sealed record RefundRecord(
    Platform Platform,
    string RefundId,
    string SaleId,
    string SellerId,
    DateTimeOffset Time,
    long AmountFen,
    long Quantity);
