using Villages.Domain.Catalog;

namespace Villages.Cli.Lines;

/// <summary>One sale line of the scenario, exact inside: money in fen, weight in grams (0 when the line has none).</summary>
public sealed record SaleRecord(
    Platform Platform,
    string SaleId,
    string SellerId,
    DateTimeOffset Time,
    string Product,
    Category Category,
    long Quantity,
    long WeightGrams,
    long AmountFen,
    string Customer);
