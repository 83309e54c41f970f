using Villages.Domain.Catalog;

namespace Villages.Domain.Ingest;

/// <summary>A sale line as a platform reports it, validated; money in fen, weight in grams.</summary>
public sealed record SaleLine(
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

/// <summary>A refund of (part of) an earlier sale of the same seller on the same platform.</summary>
public sealed record RefundLine(
    Platform Platform,
    string RefundId,
    string SaleId,
    string SellerId,
    DateTimeOffset Time,
    long AmountFen,
    long Quantity);

/// <summary>Income a household had in a year from a source other than online sales; a later record replaces an earlier one.</summary>
public sealed record IncomeLine(string SellerId, int Year, string Source, long AmountFen);

/// <summary>Why one line of a batch was not taken: field name → reasons. The rest of its batch is unaffected.</summary>
public sealed record LineRejection(int Index, string? Id, IReadOnlyDictionary<string, string[]> Errors)
{
    public static LineRejection Of(int index, string? id, string field, string message) =>
        new(index, id, new Dictionary<string, string[]> { [field] = [message] });
}
