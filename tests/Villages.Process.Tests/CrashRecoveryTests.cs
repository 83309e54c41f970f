using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Villages.Process.Tests;

/// <summary>
/// Invariant 1 at process level: the embedded node is SIGKILLed while a batch is in flight, started again on the
/// same data folder, and every acknowledged line is there, counted once, at every level.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private const int Sellers = 40;
    private const int LinesPerBatch = 400;
    private readonly string _data = Path.Combine(Path.GetTempPath(), "villages-crash-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Left under the temp path.
        }
    }

    [Fact]
    public async Task A_node_killed_mid_batch_keeps_every_acknowledged_line_exactly_once_after_restart()
    {
        var acknowledged = new List<object[]>();
        object[]? inFlight;
        using (var node = await NodeProcess.Start(_data))
        {
            for (var s = 0; s < Sellers; s++)
            {
                var village = $"6531301002{s % 4:00}";
                (await node.Client.PutAsJsonAsync($"/api/sellers/crash-{s}", new { name = $"Household {s}", villageCode = village, kind = "household", members = 3 })).EnsureSuccessStatusCode();
            }

            for (var b = 0; b < 8; b++)
            {
                var batch = Batch(b);
                var answer = await (await node.Client.PostAsJsonAsync("/api/sales", batch)).Content.ReadFromJsonAsync<JsonObject>();
                Assert.Equal(LinesPerBatch, answer!["accepted"]!.GetValue<int>());
                acknowledged.Add(batch);
            }

            inFlight = Batch(8);
            var pending = node.Client.PostAsJsonAsync("/api/sales", inFlight);
            await Task.Delay(15);
            node.Kill();
            try
            {
                await pending;
            }
            catch (HttpRequestException)
            {
                // The connection died with the node: the platform does not know whether it was taken.
            }
            catch (TaskCanceledException)
            {
                // Same.
            }
        }

        using (var node = await NodeProcess.Start(_data))
        {
            // Before anything else: what was acknowledged is already counted once the node has caught up.
            await Settle(node);
            var nation = await Totals(node, "/api/regions/CN");
            var acknowledgedOrders = acknowledged.Count * LinesPerBatch;
            Assert.InRange(nation["orders"]!.GetValue<int>(), acknowledgedOrders, acknowledgedOrders + LinesPerBatch);

            // The platform retries the batch it never heard back about; keys make that safe.
            var retry = await (await node.Client.PostAsJsonAsync("/api/sales", inFlight)).Content.ReadFromJsonAsync<JsonObject>();
            Assert.Equal(LinesPerBatch, retry!["accepted"]!.GetValue<int>() + retry["duplicates"]!.GetValue<int>());
            await Settle(node);

            var all = acknowledged.Append(inFlight).SelectMany(b => b).Cast<Sale>().ToList();
            nation = await Totals(node, "/api/regions/CN");
            Assert.Equal(all.Count, nation["orders"]!.GetValue<int>());
            Assert.Equal(all.Sum(s => s.amount), nation["gross"]!.GetValue<decimal>());
            foreach (var code in new[] { "65", "6531", "653130", "653130100", "653130100201" })
            {
                var expected = all.Where(s => Village(s.sellerId).StartsWith(code, StringComparison.Ordinal)).ToList();
                var totals = await Totals(node, $"/api/regions/{code}");
                Assert.Equal((code, expected.Count, expected.Sum(s => s.amount)), (code, totals["orders"]!.GetValue<int>(), totals["gross"]!.GetValue<decimal>()));
            }

            foreach (var seller in all.GroupBy(s => s.sellerId))
            {
                var totals = await Totals(node, $"/api/sellers/{seller.Key}");
                Assert.Equal(seller.Sum(s => s.amount), totals["gross"]!.GetValue<decimal>());
            }
        }
    }

    private static string Village(string sellerId) => $"6531301002{int.Parse(sellerId["crash-".Length..], System.Globalization.CultureInfo.InvariantCulture) % 4:00}";

    private static object[] Batch(int b) => Enumerable.Range(0, LinesPerBatch).Select(i => (object)new Sale(
        "taobao", $"crash-{b}-{i}", $"crash-{(b * 7 + i) % Sellers}", "2017-11-11T10:00:00+08:00", "melon", "fruit", 1 + (i % 3),
        (1 + (i % 50)) + (i % 100) / 100m, $"buyer-{i % 97}")).ToArray();

    private static async Task Settle(NodeProcess node) =>
        (await node.Client.PostAsync("/api/admin/settle", null)).EnsureSuccessStatusCode();

    private static async Task<JsonNode> Totals(NodeProcess node, string url) =>
        (await node.Client.GetFromJsonAsync<JsonObject>(url))!["totals"]!;

    private sealed record Sale(string platform, string saleId, string sellerId, string time, string product, string category, int quantity, decimal amount, string customer);
}
