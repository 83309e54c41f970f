using Villages.Cli.Posting;
using Villages.Cli.Scenarios;
using Villages.Domain.Money;
using Villages.Gateway.Tests.Infrastructure;

namespace Villages.Gateway.Tests.Scenario;

/// <summary>
/// The seed article's figures, replayed through the HTTP API at a small scale and read back through the API:
/// what an analyst would ask, answered exactly (money to the fen), customers within the sketch's 2%.
/// </summary>
public sealed class SeedScenarioReplayTests(ScenarioNodeFixture node) : IClassFixture<ScenarioNodeFixture>, IAsyncLifetime
{
    private const decimal Scale = 0.0001m;
    private static readonly string[] Agricultural = ["fruit", "vegetable", "grain", "nuts", "livestock"];
    private static readonly string[] Alibaba = ["taobao", "tmall"];
    private ExpectedFigures _expected = null!;

    private HttpClient Client => node.Client;

    public async Task InitializeAsync()
    {
        var plan = Cli.Scenarios.Scenario.Generate(new ScenarioOptions(Scale, Seed: 1, ConfigFolder: Path.Combine(AppContext.BaseDirectory, "silo-config")));
        var report = await ScenarioPoster.PostAsync(Client, plan, CancellationToken.None);
        Assert.NotNull(report);
        _expected = plan.ExpectedFigures;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Xinjiang_net_sales_in_2018_and_their_growth_on_2017_are_the_articles()
    {
        var points = (await Client.GetOk("/api/regions/65/series?from=2017-01-01&to=2019-01-01&interval=year"))["points"]!.AsArray();
        Assert.Equal(Fen.ToYuan(_expected.XinjiangNet2017Fen), points[0]!["net"]!.Money());
        Assert.Equal(Fen.ToYuan(_expected.XinjiangNet2018Fen), points[1]!["net"]!.Money());
        Assert.Equal(Fen.ToYuan((long)Math.Round(15.97e9 * (double)Scale * 100)), points[1]!["net"]!.Money());
        Assert.Equal(0.448, points[1]!["growth"]!.GetValue<double>(), 3);
    }

    [Fact]
    public async Task The_832_programme_sold_the_articles_agricultural_products_on_Alibaba_in_2015_to_2017()
    {
        decimal gross = 0;
        foreach (var platform in Alibaba)
        {
            foreach (var category in Agricultural)
            {
                var points = (await Client.GetOk($"/api/programmes/poverty-832/series?from=2015-01-01&to=2018-01-01&interval=year&platform={platform}&category={category}"))["points"]!.AsArray();
                gross += points.Sum(p => p!["gross"]!.Money());
            }
        }

        Assert.Equal(Fen.ToYuan(_expected.Poverty832AgriculturalAlibabaGross2015To2017Fen), gross);
        Assert.Equal(90e9m * Scale, gross);
    }

    [Fact]
    public async Task The_832_programme_sold_the_articles_items_to_its_customers_from_July_2015_to_June_2018()
    {
        var months = (await Client.GetOk("/api/programmes/poverty-832/series?from=2015-07-01&to=2018-07-01&interval=month"))["points"]!.AsArray();
        Assert.Equal(36, months.Count);
        Assert.Equal(_expected.Poverty832ItemsJul2015ToJun2018, months.Sum(p => p!["items"]!.GetValue<long>()));
        Assert.Equal((long)(1.5e9m * Scale), _expected.Poverty832ItemsJul2015ToJun2018);

        // The scenario's buyers outside the window are buyers of the window too, so the lifetime count is the window's.
        var customers = (await Client.GetOk("/api/programmes/poverty-832"))["totals"]!["customers"]!.GetValue<long>();
        Assert.InRange(customers, _expected.Poverty832CustomersJul2015ToJun2018 * 0.98, _expected.Poverty832CustomersJul2015ToJun2018 * 1.02);
    }

    [Fact]
    public async Task Bachu_sold_the_articles_melons_in_2017_and_its_melon_farmers_incomes_rose_from_400_to_3500()
    {
        var year = (await Client.GetOk("/api/regions/653130/series?from=2017-01-01&to=2018-01-01&interval=year&product=melon"))["points"]![0]!;
        Assert.Equal(_expected.BachuMelonItems2017, year["items"]!.GetValue<long>());
        Assert.Equal((long)Math.Max(1, Math.Round(100_000 * Scale)), _expected.BachuMelonItems2017);

        var income2015 = await Client.GetOk("/api/regions/653130/income?year=2015");
        var income2017 = await Client.GetOk("/api/regions/653130/income?year=2017");
        Assert.Equal(_expected.BachuMelonHouseholds, income2017["households"]!.GetValue<long>());
        Assert.Equal(400.00m, income2015["averageIncome"]!.Money());
        Assert.Equal(3500.00m, income2017["averageIncome"]!.Money());
    }

    [Fact]
    public async Task Aksu_sold_the_articles_tonnes_of_apples_to_its_customers_in_a_12_hour_spree()
    {
        const string spree = "from=2017-11-11T00:00&to=2017-11-11T12:00&product=apple";
        var hours = (await Client.GetOk($"/api/regions/6529/series?{spree}&interval=hour"))["points"]!.AsArray();
        Assert.Equal(12, hours.Count);
        var kilograms = hours.Sum(p => p!["weightKg"]!.Money());
        Assert.Equal(ExactDecimal.ToDecimal(_expected.AksuSpreeWeightGrams, 3), kilograms);
        Assert.Equal(850_000m * Scale, kilograms);

        // One bucket clipped to the 12 hours: its customers are the spree's distinct buyers, not a sum over hours.
        var whole = (await Client.GetOk($"/api/regions/6529/series?{spree}&interval=day"))["points"]!.AsArray();
        var customers = Assert.Single(whole)!["customers"]!.GetValue<long>();
        Assert.Equal(_expected.AksuSpreeCustomers, customers);
        Assert.True(customers > 100_000 * Scale);
    }
}
