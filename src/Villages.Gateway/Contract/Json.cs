using Villages.Abstractions.Queries;
using Villages.Domain.Money;
using Villages.Domain.Time;

namespace Villages.Gateway.Contract;

/// <summary>The v1 shapes of API.md: money as yuan with two decimals, weight as kilograms with three, times in CST.</summary>
public sealed record TotalsJson(decimal Gross, decimal Refunds, decimal Net, long Orders, long Items, long ItemsReturned, decimal WeightKg, long Customers)
{
    public static TotalsJson From(FiguresView f) => new(
        Fen.ToYuan(f.GrossFen), Fen.ToYuan(f.RefundsFen), Fen.ToYuan(f.NetFen), f.Orders, f.Items, f.ItemsReturned, Grams.ToKilograms(f.WeightGrams), f.Customers);
}

public sealed record ScopeJson(string Id, string Level, string? Name, string? Parent, string AsOf, TotalsJson Totals, long Sellers)
{
    public static ScopeJson From(ScopeSummary s) => new(s.Id, s.Level, s.Name, s.Parent, Times.AsOf(s.AsOf), TotalsJson.From(s.Totals), s.Sellers);
}

public sealed record SellerJson(
    string Id, string Level, string? Name, string? Parent, string AsOf, TotalsJson Totals, long Sellers, string VillageCode, string Kind, int Members);

public sealed record SeriesPointJson(
    string Start, decimal Gross, decimal Refunds, decimal Net, long Orders, long Items, long ItemsReturned, decimal WeightKg, long Customers, double? Growth)
{
    public static SeriesPointJson From(SeriesPointView p)
    {
        var t = TotalsJson.From(p.Figures);
        return new(Cst.Format(p.Start), t.Gross, t.Refunds, t.Net, t.Orders, t.Items, t.ItemsReturned, t.WeightKg, t.Customers, p.Growth);
    }
}

public sealed record SeriesJson(string Id, string Interval, string From, string To, IReadOnlyList<SeriesPointJson> Points);

public sealed record ChildrenJson(string Id, string? From, string? To, string Sort, IReadOnlyList<ScopeJson> Children);

public sealed record IncomeJson(
    string Id,
    int Year,
    long Households,
    long Persons,
    decimal AverageIncome,
    decimal AverageIncomePerPerson,
    decimal? PovertyLine,
    long? HouseholdsBelowLine,
    long? HouseholdsLifted)
{
    public static IncomeJson From(string id, IncomeView v) => new(
        id, v.Year, v.Households, v.Persons, Fen.ToYuan(v.AverageIncomeFen), Fen.ToYuan(v.AverageIncomePerPersonFen),
        v.PovertyLineFen is { } l ? Fen.ToYuan(l) : null, v.HouseholdsBelowLine, v.HouseholdsLifted);
}

public sealed record RejectedLineJson(int Index, string? Id, IReadOnlyDictionary<string, string[]> Errors);

public sealed record IngestJson(int Accepted, int Duplicates, IReadOnlyList<RejectedLineJson> Rejected);

public sealed record RegionJson(string Id, string Level, string Name, string? Parent);

public sealed record SellerProfileJson(string SellerId, string Name, string VillageCode, string Kind, int Members);

public sealed record ProgrammeJson(string Id, string Name, IReadOnlyList<string> Members);

public sealed record SettledJson(bool Settled, string AsOf);

public sealed record SiloJson(string Address, string Status, int Activations);

public static class Times
{
    public static string AsOf(DateTimeOffset instant) =>
        instant.ToOffset(Cst.Offset).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);
}
