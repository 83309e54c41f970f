using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Villages.Process.Tests.Cluster;

/// <summary>
/// Invariants 1 and 3 on a real cluster: three silo processes and a gateway on PostgreSQL, a silo SIGKILLed in the
/// middle of a stream of sales, the stream carried on with retries, then every acknowledged line counted exactly once
/// at every level; a fourth silo joins and takes new activations.
/// </summary>
public sealed class ClusterFailoverTests(ITestOutputHelper output)
{
    private const int Sellers = 48;
    private const int LinesPerBatch = 500;

    [Fact]
    public async Task A_silo_killed_mid_stream_loses_no_acknowledged_line_and_a_new_silo_takes_activations()
    {
        await using var cluster = await ClusterUnderTest.Start(silos: 3);
        for (var s = 0; s < Sellers; s++)
        {
            await cluster.Until<JsonObject>(c => c.PutAsJsonAsync($"/api/sellers/fo-{s}", new { name = $"Household {s}", villageCode = Village(s), kind = "household", members = 3 }));
        }

        var acknowledged = new List<Sale>();
        TimeSpan? failover = null;
        for (var b = 0; b < 24; b++)
        {
            if (b == 8)
            {
                var killedAt = Stopwatch.StartNew();
                cluster.Silos[1].Process.Kill();

                // Failover: until every ledger answers again, wherever it now lives.
                await cluster.Until<JsonObject>(c => c.PostAsync("/api/admin/settle", null));
                failover = killedAt.Elapsed;
            }

            var batch = Batch(b);
            var answer = await cluster.Until<JsonObject>(c => c.PostAsJsonAsync("/api/sales", batch));
            Assert.Equal(LinesPerBatch, answer["accepted"]!.GetValue<int>() + answer["duplicates"]!.GetValue<int>());
            acknowledged.AddRange(batch);
        }

        output.WriteLine($"served again {failover!.Value.TotalSeconds:0.0} s after kill -9");
        await cluster.Until<JsonObject>(c => c.PostAsync("/api/admin/settle", null));

        var nation = await Totals(cluster, "/api/regions/CN");
        Assert.Equal(acknowledged.Count, nation["orders"]!.GetValue<int>());
        Assert.Equal(acknowledged.Sum(s => s.amount), nation["gross"]!.GetValue<decimal>());
        foreach (var code in new[] { "65", "6531", "653130", "653130100", "6529", "652901" })
        {
            var expected = acknowledged.Where(s => Village(s.sellerId).StartsWith(code, StringComparison.Ordinal)).ToList();
            var totals = await Totals(cluster, $"/api/regions/{code}");
            Assert.Equal((code, expected.Count, expected.Sum(s => s.amount)), (code, totals["orders"]!.GetValue<int>(), totals["gross"]!.GetValue<decimal>()));
        }

        foreach (var seller in acknowledged.GroupBy(s => s.sellerId))
        {
            Assert.Equal(seller.Sum(s => s.amount), (await Totals(cluster, $"/api/sellers/{seller.Key}"))["gross"]!.GetValue<decimal>());
        }

        // Conservation: the province is the sum of its prefectures.
        var children = (await cluster.Client.GetFromJsonAsync<JsonObject>("/api/regions/65/children"))!["children"]!.AsArray();
        Assert.Equal(acknowledged.Count, children.Sum(c => c!["totals"]!["orders"]!.GetValue<int>()));

        // A fourth silo joins and new grains activate on it.
        var fourth = await cluster.AddSilo();
        for (var s = 0; s < 200; s++)
        {
            await cluster.Until<JsonObject>(c => c.PutAsJsonAsync($"/api/sellers/late-{s}", new { name = "Late", villageCode = "653130100299", kind = "household", members = 1 }));
            await cluster.Until<JsonObject>(c => c.GetAsync($"/api/sellers/late-{s}"));
        }

        var silos = (await cluster.Client.GetFromJsonAsync<JsonArray>("/api/admin/silos"))!;
        var joined = silos.Single(s => s!["address"]!.GetValue<string>().Contains($":{fourth}@", StringComparison.Ordinal));
        Assert.True(joined!["activations"]!.GetValue<int>() > 0, "the new silo took no activations: " + silos.ToJsonString());
    }

    private static string Village(string sellerId) => Village(int.Parse(sellerId["fo-".Length..], System.Globalization.CultureInfo.InvariantCulture));

    private static string Village(int seller) => seller % 3 == 0 ? $"6529011002{seller % 5:00}" : $"6531301002{seller % 7:00}";

    private static List<Sale> Batch(int b) => Enumerable.Range(0, LinesPerBatch).Select(i => new Sale(
        "taobao", $"fo-{b}-{i}", $"fo-{(b * 11 + i) % Sellers}", "2018-06-18T10:00:00+08:00", "apple", "fruit", 1 + (i % 4),
        1 + (i % 90) + (i % 100) / 100m, $"buyer-{i % 131}")).ToList();

    private static async Task<JsonNode> Totals(ClusterUnderTest cluster, string url) =>
        (await cluster.Until<JsonObject>(c => c.GetAsync(url)))["totals"]!;

    private sealed record Sale(string platform, string saleId, string sellerId, string time, string product, string category, int quantity, decimal amount, string customer);
}
