using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Villages.Process.Tests.Cluster;

/// <summary>
/// PostgreSQL stops for a few seconds in the middle of ingest: the gateway answers 503 with a problem detail and a
/// Retry-After while it is down, nothing acknowledged is lost, and ingest resumes by itself when it is back.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private const int LinesPerBatch = 200;

    [Fact]
    public async Task While_the_database_is_down_ingest_answers_503_and_afterwards_resumes_with_nothing_lost()
    {
        await using var cluster = await ClusterUnderTest.Start(silos: 2);
        for (var s = 0; s < 20; s++)
        {
            await cluster.Until<JsonObject>(c => c.PutAsJsonAsync($"/api/sellers/db-{s}", new { name = "H", villageCode = "653130100201", kind = "household", members = 2 }));
        }

        var acknowledged = new HashSet<string>();
        for (var b = 0; b < 5; b++)
        {
            await Send(cluster, b, acknowledged);
        }

        await cluster.Database.Stop();
        var refusals = 0;
        for (var b = 5; b < 10; b++)
        {
            using var response = await cluster.Client.PostAsJsonAsync("/api/sales", Batch(b));
            if (response.IsSuccessStatusCode)
            {
                // It cannot be durable with the database down: an acknowledgement now would be a lie.
                Assert.Fail("a batch was acknowledged while the database was down");
            }

            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(response.Headers.RetryAfter);
            refusals++;
        }

        await cluster.Database.Start();
        for (var b = 5; b < 15; b++)
        {
            await Send(cluster, b, acknowledged);
        }

        await cluster.Until<JsonObject>(c => c.PostAsync("/api/admin/settle", null));
        var nation = (await cluster.Until<JsonObject>(c => c.GetAsync("/api/regions/CN")))["totals"]!;
        output.WriteLine($"{refusals} batches refused with 503 while the database was down; {acknowledged.Count} lines acknowledged in all");
        Assert.Equal(acknowledged.Count, nation["orders"]!.GetValue<int>());
    }

    private static async Task Send(ClusterUnderTest cluster, int b, HashSet<string> acknowledged)
    {
        var batch = Batch(b);
        var answer = await cluster.Until<JsonObject>(c => c.PostAsJsonAsync("/api/sales", batch));
        Assert.Equal(LinesPerBatch, answer["accepted"]!.GetValue<int>() + answer["duplicates"]!.GetValue<int>());
        acknowledged.UnionWith(batch.Select(s => s.saleId));
    }

    private static List<Sale> Batch(int b) => Enumerable.Range(0, LinesPerBatch).Select(i => new Sale(
        "jd", $"db-{b}-{i}", $"db-{i % 20}", "2018-06-18T10:00:00+08:00", "melon", "fruit", 1, 5.5m, $"buyer-{i}")).ToList();

    private sealed record Sale(string platform, string saleId, string sellerId, string time, string product, string category, int quantity, decimal amount, string customer);
}
