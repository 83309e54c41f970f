using Villages.Abstractions.Registry;
using Villages.Cli.Tests.Infrastructure;
using Villages.Domain.Catalog;
using Villages.Domain.Income;
using Villages.Domain.Ingest;
using Villages.Domain.Time;

namespace Villages.Cli.Tests.Figures;

/// <summary>
/// The article's figures summed again from the parsed lines with the API's rules: CST buckets, refunds in the
/// bucket of their own time, regions by code prefix, the 832 programme by the list's counties, distinct buyer tokens.
/// </summary>
public sealed class Recount(ParsedPlan parsed)
{
    private static readonly DateTime WindowFrom = new(2015, 7, 1);
    private static readonly DateTime WindowTo = new(2018, 7, 1);
    private static readonly DateTimeOffset SpreeFrom = new(2017, 11, 11, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset SpreeTo = new(2017, 11, 11, 12, 0, 0, TimeSpan.FromHours(8));

    private IEnumerable<SaleLine> Sales => parsed.Sales.Lines;

    private IEnumerable<RefundLine> Refunds => parsed.Refunds.Lines;

    public long XinjiangNet(int year) =>
        Sales.Where(s => In(s.SellerId, "65") && Year(s.Time) == year).Sum(s => s.AmountFen)
        - Refunds.Where(r => In(r.SellerId, "65") && Year(r.Time) == year).Sum(r => r.AmountFen);

    public long AgriculturalAlibaba832Gross() =>
        AgriculturalAlibaba832Sales().Sum(s => s.AmountFen);

    public IEnumerable<SaleLine> AgriculturalAlibaba832Sales() =>
        Sales.Where(s => Is832(s.SellerId)
            && s.Category is Category.Fruit or Category.Vegetable or Category.Grain or Category.Nuts or Category.Livestock
            && s.Platform is Platform.Taobao or Platform.Tmall
            && Year(s.Time) is >= 2015 and <= 2017);

    public long BachuMelons2017() =>
        Sales.Where(s => In(s.SellerId, "653130") && s.Product == "melon" && Year(s.Time) == 2017).Sum(s => s.Quantity);

    public IReadOnlyList<SellerProfile> BachuHouseholds() =>
        [.. parsed.Sellers.Values.Where(s => s.Kind == SellerKind.Household && s.VillageCode.StartsWith("653130", StringComparison.Ordinal))];

    /// <summary>Each Bachu household's income in a year: net online proceeds plus other income, the later record per source winning.</summary>
    public long IncomeOf(string sellerId, int year)
    {
        var net = Sales.Where(s => s.SellerId == sellerId && Year(s.Time) == year).Sum(s => s.AmountFen)
            - Refunds.Where(r => r.SellerId == sellerId && Year(r.Time) == year).Sum(r => r.AmountFen);
        var other = parsed.Income.Lines.Where(i => i.SellerId == sellerId && i.Year == year)
            .GroupBy(i => i.Source).Sum(g => g.Last().AmountFen);
        return net + other;
    }

    public long BachuAverageIncome(int year) =>
        IncomeReport.Of(
            year,
            BachuHouseholds().Select(h => new HouseholdIncome(h.Members, IncomeOf(h.SellerId, year), IncomeOf(h.SellerId, year - 1))),
            PovertyLines.None).AverageIncomeFen;

    public IEnumerable<SaleLine> AksuSpreeSales() =>
        Sales.Where(s => In(s.SellerId, "6529") && s.Product == "apple" && s.Time >= SpreeFrom && s.Time < SpreeTo);

    public long AksuSpreeGrams() => AksuSpreeSales().Sum(s => s.WeightGrams);

    public long AksuSpreeCustomers() => AksuSpreeSales().Select(s => s.Customer).Distinct().LongCount();

    public IEnumerable<SaleLine> Window832Sales() =>
        Sales.Where(s => Is832(s.SellerId) && Cst.WallClock(s.Time) >= WindowFrom && Cst.WallClock(s.Time) < WindowTo);

    public long Window832Items() => Window832Sales().Sum(s => s.Quantity);

    public long Window832Customers() => Window832Sales().Select(s => s.Customer).Distinct().LongCount();

    public string CountyOf(string sellerId) => parsed.Sellers[sellerId].VillageCode[..6];

    private static int Year(DateTimeOffset time) => Cst.WallClock(time).Year;

    private bool In(string sellerId, string region) => parsed.Sellers[sellerId].VillageCode.StartsWith(region, StringComparison.Ordinal);

    private bool Is832(string sellerId) => ReferenceFiles.Poverty832.Contains(CountyOf(sellerId));
}
