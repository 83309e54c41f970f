using Villages.Cli.Tests.Infrastructure;

namespace Villages.Cli.Tests.Figures;

/// <summary>Every figure the plan promises is what its lines add up to, and what the article says at that scale.</summary>
public sealed class FigureTests
{
    public static TheoryData<decimal> Scales => new() { 0.0001m, 0.00003m };

    [Theory]
    [MemberData(nameof(Scales))]
    public void Xinjiang_net_sales_grow_44_8_percent_from_2017_to_2018(decimal scale)
    {
        var parsed = ParsedPlan.Of(scale);
        var count = new Recount(parsed);
        var article = ArticleNumbers.At(scale);
        var expected = parsed.Plan.ExpectedFigures;

        Assert.Equal(article.XinjiangNet2018Fen, expected.XinjiangNet2018Fen);
        Assert.Equal(article.XinjiangNet2017Fen, expected.XinjiangNet2017Fen);
        Assert.Equal(expected.XinjiangNet2018Fen, count.XinjiangNet(2018));
        Assert.Equal(expected.XinjiangNet2017Fen, count.XinjiangNet(2017));
        var growth = ((decimal)count.XinjiangNet(2018) / count.XinjiangNet(2017)) - 1;
        Assert.InRange(growth, 0.448m - 0.000001m, 0.448m + 0.000001m);
    }

    [Theory]
    [MemberData(nameof(Scales))]
    public void Xinjiang_sales_come_mostly_from_enterprises_outside_the_832_with_some_refunds(decimal scale)
    {
        var parsed = ParsedPlan.Of(scale);
        var xinjiang = parsed.Sales.Lines.Where(s => parsed.Sellers[s.SellerId].VillageCode.StartsWith("65", StringComparison.Ordinal)).ToList();
        var enterprise = xinjiang.Where(s => parsed.Sellers[s.SellerId].Kind == Abstractions.Registry.SellerKind.Enterprise
            && !ReferenceFiles.Poverty832.Contains(parsed.Sellers[s.SellerId].VillageCode[..6])).Sum(s => s.AmountFen);

        Assert.True(enterprise * 10 > xinjiang.Sum(s => s.AmountFen) * 9, "enterprises outside the 832 should carry over 90% of Xinjiang's sales");
        Assert.NotEmpty(parsed.Refunds.Lines);
        Assert.All(parsed.Refunds.Lines, r => Assert.StartsWith("65", parsed.Sellers[r.SellerId].VillageCode, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Scales))]
    public void The_832_sold_90_billion_yuan_of_farm_produce_on_Alibaba_in_2015_to_2017(decimal scale)
    {
        var parsed = ParsedPlan.Of(scale);
        var count = new Recount(parsed);

        Assert.Equal(ArticleNumbers.At(scale).AgriculturalAlibaba832Fen, parsed.Plan.ExpectedFigures.Poverty832AgriculturalAlibabaGross2015To2017Fen);
        Assert.Equal(parsed.Plan.ExpectedFigures.Poverty832AgriculturalAlibabaGross2015To2017Fen, count.AgriculturalAlibaba832Gross());

        // Only Jul 2015 – Dec 2017, never refunded, outside Xinjiang but for Bachu's melons.
        var saleIds = count.AgriculturalAlibaba832Sales().Select(s => (s.Platform, s.SaleId)).ToHashSet();
        Assert.DoesNotContain(parsed.Refunds.Lines, r => saleIds.Contains((r.Platform, r.SaleId)));
        Assert.All(count.AgriculturalAlibaba832Sales(), s =>
        {
            Assert.True(Domain.Time.Cst.WallClock(s.Time) >= new DateTime(2015, 7, 1), $"{s.SaleId} at {s.Time}");
            var county = count.CountyOf(s.SellerId);
            Assert.True(!county.StartsWith("65", StringComparison.Ordinal) || county == "653130", $"{s.SaleId} in {county}");
        });
    }

    [Theory]
    [MemberData(nameof(Scales))]
    public void Bachu_sold_100_000_melons_in_2017_and_its_melon_households_went_from_400_to_3500_yuan(decimal scale)
    {
        var parsed = ParsedPlan.Of(scale);
        var count = new Recount(parsed);
        var article = ArticleNumbers.At(scale);
        var expected = parsed.Plan.ExpectedFigures;

        Assert.Equal(article.BachuMelons, expected.BachuMelonItems2017);
        Assert.Equal(expected.BachuMelonItems2017, count.BachuMelons2017());
        Assert.Equal(count.BachuHouseholds().Count, expected.BachuMelonHouseholds);
        Assert.Equal(article.BachuIncome2015Fen, expected.BachuAverageIncome2015Fen);
        Assert.Equal(article.BachuIncome2017Fen, expected.BachuAverageIncome2017Fen);
        Assert.Equal(expected.BachuAverageIncome2015Fen, count.BachuAverageIncome(2015));
        Assert.Equal(expected.BachuAverageIncome2017Fen, count.BachuAverageIncome(2017));
        Assert.All(count.BachuHouseholds(), h =>
        {
            Assert.Equal(article.BachuIncome2015Fen, count.IncomeOf(h.SellerId, 2015));
            Assert.Equal(article.BachuIncome2017Fen, count.IncomeOf(h.SellerId, 2017));
            Assert.Contains(parsed.Sales.Lines, s => s.SellerId == h.SellerId && s.Product == "melon");
        });
        Assert.All(parsed.Income.Lines, i => Assert.Equal("farming", i.Source));
    }

    [Theory]
    [MemberData(nameof(Scales))]
    public void More_than_100_000_customers_bought_850_tonnes_of_Aksu_apples_in_12_hours(decimal scale)
    {
        var parsed = ParsedPlan.Of(scale);
        var count = new Recount(parsed);
        var article = ArticleNumbers.At(scale);
        var expected = parsed.Plan.ExpectedFigures;

        Assert.Equal(article.AksuGrams, expected.AksuSpreeWeightGrams);
        Assert.Equal(article.AksuCustomers, expected.AksuSpreeCustomers);
        Assert.Equal(expected.AksuSpreeWeightGrams, count.AksuSpreeGrams());
        Assert.Equal(expected.AksuSpreeCustomers, count.AksuSpreeCustomers());

        // Every Aksu apple line of the scenario is inside the 12 hours, on Tmall, from Aksu city or Wensu.
        var aksuApples = parsed.Sales.Lines.Where(s => parsed.Sellers[s.SellerId].VillageCode.StartsWith("6529", StringComparison.Ordinal) && s.Product == "apple");
        Assert.Equal(count.AksuSpreeSales().Count(), aksuApples.Count());
        Assert.All(count.AksuSpreeSales(), s =>
        {
            Assert.Equal(Domain.Catalog.Platform.Tmall, s.Platform);
            Assert.Contains(count.CountyOf(s.SellerId), new[] { "652901", "652922" });
            Assert.DoesNotContain(count.CountyOf(s.SellerId), ReferenceFiles.Poverty832);
        });
    }

    [Theory]
    [MemberData(nameof(Scales))]
    public void Over_55_million_consumers_bought_1_5_billion_items_from_the_832_from_Jul_2015_to_Jun_2018(decimal scale)
    {
        var parsed = ParsedPlan.Of(scale);
        var count = new Recount(parsed);
        var article = ArticleNumbers.At(scale);
        var expected = parsed.Plan.ExpectedFigures;

        Assert.Equal(article.Items832, expected.Poverty832ItemsJul2015ToJun2018);
        Assert.Equal(article.Customers832, expected.Poverty832CustomersJul2015ToJun2018);
        Assert.Equal(expected.Poverty832ItemsJul2015ToJun2018, count.Window832Items());
        Assert.Equal(expected.Poverty832CustomersJul2015ToJun2018, count.Window832Customers());

        // Customers come back: there are clearly more purchases than buyers.
        Assert.True(count.Window832Sales().Count() > expected.Poverty832CustomersJul2015ToJun2018 * 5 / 4);
    }
}
