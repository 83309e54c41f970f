using System.Globalization;
using System.Text;
using Villages.Gateway.Contract;

namespace Villages.Gateway.Csv;

/// <summary>
/// Every query answers CSV too (Accept: text/csv or ?format=csv): a header row, then one line per row, each
/// ending in a newline; fields are quoted when they hold a comma, quote or line break.
/// </summary>
public static class CsvResult
{
    private static readonly string[] TotalsHeader = ["gross", "refunds", "net", "orders", "items", "itemsReturned", "weightKg", "customers"];

    public static bool Wanted(HttpRequest request) =>
        string.Equals(request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase)
        || request.Headers.Accept.Any(a => a is not null && a.Contains("text/csv", StringComparison.OrdinalIgnoreCase));

    public static IResult Answer(HttpRequest request, object json, Func<string> csv) =>
        Wanted(request) ? Results.Text(csv(), "text/csv; charset=utf-8", Encoding.UTF8) : Results.Json(json);

    public static string Scopes(IEnumerable<ScopeJson> scopes) =>
        Table(["id", "level", "name", "parent", "asOf", .. TotalsHeader, "sellers"],
            scopes.Select(s => (IReadOnlyList<object?>)[s.Id, s.Level, s.Name, s.Parent, s.AsOf, .. Totals(s.Totals), s.Sellers]));

    public static string Series(SeriesJson series) =>
        Table(["start", .. TotalsHeader, "growth"],
            series.Points.Select(p => (IReadOnlyList<object?>)[p.Start, p.Gross, p.Refunds, p.Net, p.Orders, p.Items, p.ItemsReturned, p.WeightKg, p.Customers, p.Growth]));

    public static string Income(IncomeJson i) =>
        Table(["id", "year", "households", "persons", "averageIncome", "averageIncomePerPerson", "povertyLine", "householdsBelowLine", "householdsLifted"],
            [[i.Id, i.Year, i.Households, i.Persons, i.AverageIncome, i.AverageIncomePerPerson, i.PovertyLine, i.HouseholdsBelowLine, i.HouseholdsLifted]]);

    private static object?[] Totals(TotalsJson t) => [t.Gross, t.Refunds, t.Net, t.Orders, t.Items, t.ItemsReturned, t.WeightKg, t.Customers];

    private static string Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', header).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(Field)).Append('\n');
        }

        return text.ToString();
    }

    private static string Field(object? value)
    {
        var s = value switch
        {
            null => "",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }
}
