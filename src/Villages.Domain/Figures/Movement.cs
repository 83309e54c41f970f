using Villages.Domain.Catalog;

namespace Villages.Domain.Figures;

public enum MovementKind : byte
{
    Sale = 1,
    Refund = 2,
}

/// <summary>
/// One accepted sale or refund as figures see it: its CST hour and the dimensions it is sliced by.
/// A refund carries the platform, category and product of the sale it refunds.
/// </summary>
public readonly record struct Movement(
    MovementKind Kind,
    int Hour,
    Platform Platform,
    Category Category,
    string Product,
    long AmountFen,
    long Quantity,
    long WeightGrams,
    ulong CustomerHash);
