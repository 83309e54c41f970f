using System.Text.Json;
using Villages.Cli.CommandLine;
using Villages.Gateway.Tests.Infrastructure;

namespace Villages.Gateway.Tests.Load;

/// <summary>
/// `villages load` end to end against the embedded node: every line accepted, the nation counting exactly them
/// (and the freshness probes' one-line sales), and the probes answered. No timings are asserted.
/// </summary>
public sealed class LoadCommandTests(LoadNodeFixture node) : IClassFixture<LoadNodeFixture>
{
    private const int Lines = 4_000;
    private const int Probes = 3;

    [Fact]
    public async Task A_small_load_is_all_accepted_and_the_national_orders_match()
    {
        var json = Path.Combine(Path.GetTempPath(), $"villages-load-{Guid.NewGuid():N}.json");
        var output = new StringWriter();
        var errors = new StringWriter();
        try
        {
            var code = await CliApp.RunAsync(
                [
                    "load", "--url", "http://localhost/", "--config-folder", Path.Combine(AppContext.BaseDirectory, "silo-config"),
                    "--sellers", "300", "--count", Lines.ToString(System.Globalization.CultureInfo.InvariantCulture), "--batch-size", "500", "--parallel", "2",
                    "--probe-queries", "20", "--probe-freshness", Probes.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json", json,
                ],
                output,
                errors,
                _ => node.CreateClient());

            Assert.True(code == CliApp.Ok, $"{output}\n{errors}");
            var result = JsonDocument.Parse(await File.ReadAllTextAsync(json)).RootElement;
            var ingest = result.GetProperty("ingest");
            Assert.Equal(Lines, ingest.GetProperty("accepted").GetInt64());
            Assert.Equal(0, ingest.GetProperty("rejected").GetInt64());
            Assert.Equal(300, result.GetProperty("registration").GetProperty("created").GetInt32());
            Assert.Equal(Probes, result.GetProperty("freshness").GetProperty("measured").GetInt32());
            var queries = result.GetProperty("queries");
            foreach (var name in new[] { "national", "countySeries", "villageChildren" })
            {
                Assert.Equal(0, queries.GetProperty(name).GetProperty("errors").GetInt32());
            }

            Assert.True(queries.GetProperty("national").GetProperty("count").GetInt32() >= 1);

            await node.Client.Settle();
            var nation = await node.Client.GetOk("/api/regions/CN");
            Assert.Equal(Lines + Probes, nation["totals"]!["orders"]!.GetValue<long>());
            Assert.Equal(301, nation["sellers"]!.GetValue<long>());
            var county = result.GetProperty("setup").GetProperty("busiestCounty").GetString();
            var top = await node.Client.GetOk($"/api/regions/{county}/children?sort=net&top=1");
            Assert.NotEmpty(top["children"]!.AsArray());
        }
        finally
        {
            File.Delete(json);
        }
    }
}
