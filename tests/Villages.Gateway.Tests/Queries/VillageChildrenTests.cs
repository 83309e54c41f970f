using Villages.Gateway.Tests.Infrastructure;

namespace Villages.Gateway.Tests.Queries;

/// <summary>
/// Below a village are its sellers (a seller's parent is its village), so a village's children are its households
/// ranked. Village 659008100201 belongs to these tests alone: three sellers, one of them without sales.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class VillageChildrenTests(NodeFixture node) : IAsyncLifetime
{
    private const string Village = "659008100201";
    private HttpClient Client => node.Client;

    public async Task InitializeAsync()
    {
        await Client.Put("/api/sellers/vc-m", Lines.Seller(Village, name: "Household A"));
        await Client.Put("/api/sellers/vc-b", Lines.Seller(Village, name: "Household B"));
        await Client.Put("/api/sellers/vc-idle", Lines.Seller(Village, name: "Household C"));
        await Client.Put("/api/sellers/vc-elsewhere", Lines.Seller("659008100202"));
        await Client.Post("/api/sales", new[]
        {
            Lines.Sale("vc-1", "vc-m", "2017-03-01T10:00:00+08:00", 10m),
            Lines.Sale("vc-2", "vc-b", "2017-06-01T10:00:00+08:00", 25m),
            Lines.Sale("vc-3", "vc-b", "2016-06-01T10:00:00+08:00", 5m),
            Lines.Sale("vc-4", "vc-m", "2016-06-01T10:00:00+08:00", 40m),
            Lines.Sale("vc-5", "vc-elsewhere", "2017-06-01T10:00:00+08:00", 99m),
        });
        await Client.Settle();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_villages_children_are_its_sellers_ranked_by_the_chosen_figure()
    {
        // vc-m sold most, so the ranking differs from the order of the ids.
        var all = (await Client.GetOk($"/api/regions/{Village}/children?sort=net"))["children"]!.AsArray();

        Assert.Equal(new[] { "vc-m", "vc-b", "vc-idle" }, all.Select(c => c!["id"]!.GetValue<string>()));
        Assert.Equal(new[] { 50.00m, 30.00m, 0m }, all.Select(c => c!["totals"]!["net"]!.Money()));
        var first = all[0]!;
        Assert.Equal(("seller", "Household A", Village, 1), (
            first["level"]!.GetValue<string>(), first["name"]!.GetValue<string>(),
            first["parent"]!.GetValue<string>(), first["sellers"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_villages_sellers_are_ranked_over_the_range_and_cut_to_top()
    {
        var in2017 = await Client.GetOk($"/api/regions/{Village}/children?from=2017-01-01&to=2018-01-01&sort=gross&top=1");

        var top = Assert.Single(in2017["children"]!.AsArray());
        Assert.Equal(("vc-b", 25.00m), (top!["id"]!.GetValue<string>(), top["totals"]!["gross"]!.Money()));
    }
}
