using System.Net;
using Villages.Gateway.Tests.Infrastructure;

namespace Villages.Gateway.Tests.Operations;

[Collection(NodeCollection.Name)]
public sealed class OperationsTests(NodeFixture node)
{
    private HttpClient Client => node.Client;

    [Fact]
    public async Task Alive_and_health_answer_200_when_the_node_can_serve()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.Get("/alive")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Client.Get("/health")).Status);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_routes_and_states_the_customer_error_bound()
    {
        var document = await Client.GetOk("/openapi/v1.json");
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/sales", paths);
        Assert.Contains("/api/regions/{code}/series", paths);
        Assert.Contains("/api/admin/settle", paths);
        Assert.Contains("0.81%", document["info"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Settle_returns_once_the_nation_reflects_every_acknowledged_line()
    {
        var seller = "settle-" + Guid.NewGuid().ToString("N");
        await Client.Put($"/api/sellers/{seller}", Lines.Seller("659007100201"));
        var before = (await Client.GetOk("/api/regions/CN"))["totals"]!["orders"]!.GetValue<long>();
        var lines = Enumerable.Range(0, 500).Select(i => Lines.Sale($"{seller}-{i}", seller)).ToArray();
        Assert.Equal(500, (await Client.Post("/api/sales", lines)).Body!["accepted"]!.GetValue<int>());
        await Client.Settle();
        var after = (await Client.GetOk("/api/regions/CN"))["totals"]!["orders"]!.GetValue<long>();
        Assert.True(after - before >= 500, $"the nation gained {after - before} orders, expected at least 500");
        Assert.Equal(500, (await Client.GetOk("/api/regions/659007100201"))["totals"]!["orders"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_silo_list_shows_the_embedded_silo_active_with_its_activations()
    {
        var silos = (await Client.GetOk("/api/admin/silos")).AsArray();
        var silo = Assert.Single(silos);
        Assert.Equal("Active", silo!["status"]!.GetValue<string>());
        Assert.True(silo["activations"]!.GetValue<int>() > 0);
    }
}
