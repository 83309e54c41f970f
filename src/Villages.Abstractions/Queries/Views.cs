namespace Villages.Abstractions.Queries;

/// <summary>The figures of a scope over some range; money in fen and weight in grams until the gateway formats them.</summary>
[GenerateSerializer, Immutable, Alias("villages.figures")]
public sealed record FiguresView(
    [property: Id(0)] long GrossFen,
    [property: Id(1)] long RefundsFen,
    [property: Id(2)] long Orders,
    [property: Id(3)] long Items,
    [property: Id(4)] long ItemsReturned,
    [property: Id(5)] long WeightGrams,
    [property: Id(6)] long Customers)
{
    public static readonly FiguresView Zero = new(0, 0, 0, 0, 0, 0, 0);

    public long NetFen => GrossFen - RefundsFen;
}

[GenerateSerializer, Immutable, Alias("villages.scope-summary")]
public sealed record ScopeSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Level,
    [property: Id(2)] string? Name,
    [property: Id(3)] string? Parent,
    [property: Id(4)] DateTimeOffset AsOf,
    [property: Id(5)] FiguresView Totals,
    [property: Id(6)] long Sellers);

/// <summary>A series over [From, To) in CST wall-clock time, by Interval (0 hour, 1 day, 2 month, 3 year), optionally sliced.</summary>
[GenerateSerializer, Immutable, Alias("villages.series-request")]
public sealed record SeriesRequest(
    [property: Id(0)] DateTime From,
    [property: Id(1)] DateTime To,
    [property: Id(2)] byte Interval,
    [property: Id(3)] byte? Platform,
    [property: Id(4)] byte? Category,
    [property: Id(5)] string? Product);

[GenerateSerializer, Immutable, Alias("villages.series-point")]
public sealed record SeriesPointView(
    [property: Id(0)] DateTime Start,
    [property: Id(1)] FiguresView Figures,
    [property: Id(2)] double? Growth);

[GenerateSerializer, Immutable, Alias("villages.income")]
public sealed record IncomeView(
    [property: Id(0)] int Year,
    [property: Id(1)] long Households,
    [property: Id(2)] long Persons,
    [property: Id(3)] long AverageIncomeFen,
    [property: Id(4)] long AverageIncomePerPersonFen,
    [property: Id(5)] long? PovertyLineFen,
    [property: Id(6)] long? HouseholdsBelowLine,
    [property: Id(7)] long? HouseholdsLifted);
