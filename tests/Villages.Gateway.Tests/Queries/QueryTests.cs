using System.Net;
using Villages.Gateway.Tests.Infrastructure;

namespace Villages.Gateway.Tests.Queries;

/// <summary>
/// County 659006 belongs to these tests alone: two townships, three households, sales on both sides of a CST
/// midnight, on two platforms, of two products, with one buyer shopping in two villages, and a refund.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class QueryTests(NodeFixture node) : IAsyncLifetime
{
    private const string County = "659006";
    private HttpClient Client => node.Client;

    public async Task InitializeAsync()
    {
        if ((await Client.Get($"/api/sellers/q-a")).Status == HttpStatusCode.OK)
        {
            return; // Set up by an earlier test of this class; the node is shared.
        }

        await Client.Put("/api/sellers/q-a", Lines.Seller("659006100201", members: 2));
        await Client.Put("/api/sellers/q-b", Lines.Seller("659006100202", members: 3));
        await Client.Put("/api/sellers/q-c", Lines.Seller("659006101201", members: 1, kind: "cooperative"));
        var sales = new[]
        {
            Lines.Sale("q-1", "q-a", "2017-11-10T15:59:59Z", 100m).With("customer", "shared-buyer"),
            Lines.Sale("q-2", "q-a", "2017-11-10T16:00:00Z", 50m).With("platform", "jd"),
            Lines.Sale("q-3", "q-b", "2017-11-11T03:00:00+08:00", 30.01m).With("customer", "shared-buyer").With("product", "apple"),
            Lines.Sale("q-4", "q-c", "2016-11-11T03:00:00+08:00", 40m).With("category", "textile").With("product", "quilt"),
        };
        var (_, answer) = await Client.Post("/api/sales", sales);
        Assert.Equal(4, answer!["accepted"]!.GetValue<int>() + answer["duplicates"]!.GetValue<int>());
        await Client.Post("/api/refunds", new[] { Lines.Refund("q-r1", "q-2", "q-a", 10m).With("platform", "jd") });
        await Client.Post("/api/income", new[]
        {
            new { sellerId = "q-a", year = 2016, source = "farming", amount = 4000m },
            new { sellerId = "q-b", year = 2016, source = "farming", amount = 3000m },
            new { sellerId = "q-b", year = 2017, source = "farming", amount = 20000m },
        });
        await Client.Settle();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Each_level_answers_its_totals_parent_and_sellers_with_distinct_customers_over_its_own_buyers()
    {
        var county = await Client.GetOk($"/api/regions/{County}");
        Assert.Equal("county", county["level"]!.GetValue<string>());
        Assert.Equal("6590", county["parent"]!.GetValue<string>());
        Assert.Equal(3, county["sellers"]!.GetValue<int>());
        var t = county["totals"]!;
        Assert.Equal((220.01m, 10.00m, 210.01m), (t["gross"]!.Money(), t["refunds"]!.Money(), t["net"]!.Money()));
        Assert.Equal((4, 8, 1), (t["orders"]!.GetValue<int>(), t["items"]!.GetValue<int>(), t["itemsReturned"]!.GetValue<int>()));
        Assert.Equal(13.000m, t["weightKg"]!.Money());
        Assert.Equal(3, t["customers"]!.GetValue<int>()); // shared-buyer counted once across two villages
        Assert.EndsWith("+08:00", county["asOf"]!.GetValue<string>());

        var village = await Client.GetOk("/api/regions/659006100201");
        Assert.Equal(("village", "659006100"), (village["level"]!.GetValue<string>(), village["parent"]!.GetValue<string>()));
        Assert.Equal(140.00m, village["totals"]!["net"]!.Money());
        Assert.Equal("township", (await Client.GetOk("/api/regions/659006100"))["level"]!.GetValue<string>());
        Assert.Equal("nation", (await Client.GetOk("/api/regions/CN"))["level"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_day_series_puts_16_00Z_in_the_next_CST_day_and_answers_empty_days_as_zeros()
    {
        var series = await Client.GetOk($"/api/regions/{County}/series?from=2017-11-09&to=2017-11-13&interval=day");
        var points = series["points"]!.AsArray();
        Assert.Equal(4, points.Count);
        Assert.Equal("2017-11-09T00:00:00+08:00", points[0]!["start"]!.GetValue<string>());
        Assert.Equal(new[] { 0m, 100m, 80.01m, -10m }, points.Select(p => p!["net"]!.Money()));
        Assert.Equal(0, points[0]!["orders"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_hour_series_with_a_product_filter_counts_only_that_product()
    {
        var series = await Client.GetOk($"/api/regions/{County}/series?from=2017-11-11T00:00&to=2017-11-11T04:00&interval=hour&product=apple");
        var points = series["points"]!.AsArray();
        Assert.Equal(4, points.Count);
        Assert.Equal(new[] { 0m, 0m, 0m, 30.01m }, points.Select(p => p!["gross"]!.Money()));
        Assert.Equal(1, points[3]!["customers"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("platform=jd", 50)]
    [InlineData("platform=taobao", 130.01)]
    [InlineData("category=textile", 0)]
    [InlineData("category=fruit&platform=taobao&product=melon", 100)]
    public async Task Filters_slice_by_platform_category_and_product_together(string filter, decimal gross)
    {
        var series = await Client.GetOk($"/api/regions/{County}/series?from=2017-01-01&to=2018-01-01&interval=year&{filter}");
        Assert.Equal(gross, series["points"]![0]!["gross"]!.Money());
    }

    [Fact]
    public async Task Growth_compares_net_with_the_same_bucket_a_year_earlier_and_is_null_without_one()
    {
        var points = (await Client.GetOk($"/api/regions/659006101/series?from=2016&to=2018&interval=year"))["points"]!.AsArray();
        Assert.Null(points[0]!["growth"]);
        Assert.Equal(-1.0, points[1]!["growth"]!.GetValue<double>());
        var county = (await Client.GetOk($"/api/regions/{County}/series?from=2016-11-01&to=2017-12-01&interval=month"))["points"]!.AsArray();
        Assert.Equal(13, county.Count);
        Assert.Equal((170.01 - 40) / 40, county[12]!["growth"]!.GetValue<double>(), 6);
    }

    [Theory]
    [InlineData("to=2017-02-01&interval=day", "from")]
    [InlineData("from=2017-01-01&interval=day", "to")]
    [InlineData("from=2017-02-01&to=2017-01-01", "to")]
    [InlineData("from=2017-01-01T00:00:00Q&to=2017-02-01", "from")]
    [InlineData("from=2017-01-01&to=2017-02-01&interval=week", "interval")]
    [InlineData("from=2017-01-01&to=2017-02-01&platform=ebay", "platform")]
    [InlineData("from=2017-01-01&to=2017-02-01&category=toys", "category")]
    [InlineData("from=2017-01-01&to=2017-02-01&product=Big", "product")]
    [InlineData("from=2000-01-01&to=2017-02-01&interval=hour", "interval")]
    public async Task A_malformed_series_query_is_a_400_naming_the_parameter(string query, string field)
    {
        var (status, problem) = await Client.Get($"/api/regions/{County}/series?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(problem.Errors(field));
    }

    [Theory]
    [InlineData("/api/regions/119999")]
    [InlineData("/api/regions/119999/series?from=2017-01-01&to=2017-02-01")]
    [InlineData("/api/programmes/no-such-programme")]
    [InlineData("/api/sellers/no-such-seller/series?from=2017-01-01&to=2017-02-01")]
    [InlineData("/api/sellers/no-such-seller/income?year=2017")]
    public async Task An_unknown_scope_is_a_404(string url) =>
        Assert.Equal(HttpStatusCode.NotFound, (await Client.Get(url)).Status);

    [Fact]
    public async Task An_invalid_region_code_is_a_400() =>
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.Get("/api/regions/65x")).Status);

    [Fact]
    public async Task Children_are_ranked_by_the_chosen_figure_over_the_range_and_cut_to_top()
    {
        var all = await Client.GetOk($"/api/regions/{County}/children?sort=net");
        var codes = all["children"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(new[] { "659006100", "659006101" }, codes.Take(2));

        var in2016 = await Client.GetOk($"/api/regions/{County}/children?from=2016-01-01&to=2017-01-01&sort=gross&top=1");
        var top = Assert.Single(in2016["children"]!.AsArray());
        Assert.Equal(("659006101", 40.00m), (top!["id"]!.GetValue<string>(), top["totals"]!["gross"]!.Money()));

        var (status, problem) = await Client.Get($"/api/regions/{County}/children?sort=price");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(problem.Errors("sort"));
    }

    [Fact]
    public async Task Income_compares_households_with_the_poverty_line_and_counts_those_lifted()
    {
        // 2017: q-a earned 140 online (≈70/person, below 2952); q-b 20030.01 (≈6676.67/person, above).
        // 2016: q-a 4000 (2000/person) and q-b 3000 (1000/person), both below 2016's line of 2952... q-b is lifted in 2017.
        var income = await Client.GetOk($"/api/regions/{County}/income?year=2017");
        Assert.Equal((2, 5), (income["households"]!.GetValue<int>(), income["persons"]!.GetValue<int>()));
        Assert.Equal(10085.01m, income["averageIncome"]!.Money());
        Assert.Equal(4034.00m, income["averageIncomePerPerson"]!.Money());
        Assert.Equal(2952.00m, income["povertyLine"]!.Money());
        Assert.Equal((1, 1), (income["householdsBelowLine"]!.GetValue<int>(), income["householdsLifted"]!.GetValue<int>()));

        var (status, problem) = await Client.Get($"/api/regions/{County}/income");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(problem.Errors("year"));
    }

    [Fact]
    public async Task A_programme_is_the_sum_of_its_members_with_customers_merged_not_added()
    {
        await Client.Put("/api/programmes/q-programme", new { name = "Q", members = new[] { "659006100", "659006101", "659006100201" } });
        var programme = await Client.GetOk("/api/programmes/q-programme");
        var county = await Client.GetOk($"/api/regions/{County}");
        Assert.Equal(county["totals"]!.ToJsonString(), programme["totals"]!.ToJsonString());
        Assert.Equal(3, programme["sellers"]!.GetValue<int>());

        var series = await Client.GetOk("/api/programmes/q-programme/series?from=2017-11-10&to=2017-11-12&interval=day");
        Assert.Equal(new[] { 100m, 80.01m }, series["points"]!.AsArray().Select(p => p!["gross"]!.Money()));
        Assert.Equal(2, (await Client.GetOk("/api/programmes/q-programme/income?year=2017"))["households"]!.GetValue<int>());
    }

    [Fact]
    public async Task Csv_is_answered_for_the_accept_header_and_for_format_csv_with_a_header_and_newline_ended_rows()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/regions/{County}/series?from=2017-11-10&to=2017-11-12&interval=day");
        request.Headers.Accept.ParseAdd("text/csv");
        using var response = await Client.SendAsync(request);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        var rows = csv.Split('\n');
        Assert.Equal("start,gross,refunds,net,orders,items,itemsReturned,weightKg,customers,growth", rows[0]);
        Assert.Equal(4, rows.Length);
        Assert.Equal("", rows[3]);
        Assert.StartsWith("2017-11-10T00:00:00+08:00,100.00,0.00,100.00,1,2,0,3.250,1,", rows[1]);

        var summary = await Client.GetStringAsync($"/api/regions/{County}?format=csv");
        Assert.StartsWith("id,level,name,parent,asOf,gross,refunds,net,orders,items,itemsReturned,weightKg,customers,sellers\n659006,county,", summary);
        Assert.EndsWith("\n", summary);
        var children = (await Client.GetOk($"/api/regions/{County}/children"))["children"]!.AsArray().Count;
        Assert.Equal(children + 2, (await Client.GetStringAsync($"/api/regions/{County}/children?format=csv")).Split('\n').Length);
        Assert.StartsWith("id,year,households", await Client.GetStringAsync($"/api/regions/{County}/income?year=2017&format=csv"));
    }
}
