using Villages.Domain.Catalog;

namespace Villages.Cli.Segments;

/// <summary>
/// A stretch of 832-programme sales inside the window: exactly <see cref="Items"/> items over <see cref="Lines"/>
/// lines, and exactly <see cref="AmountFen"/> when a target fixes the money (else amounts follow unit prices).
/// </summary>
internal sealed record ProgrammeShape(
    string Name,
    string IdKind,
    DateTime FromCst,
    DateTime ToCst,
    Platform[] Platforms,
    Category[] Categories,
    long Lines,
    long Items,
    long? AmountFen,
    long FirstPurchase);
