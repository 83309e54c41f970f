using System.Text.Json;
using Villages.Cli.CommandLine;
using Villages.Cli.Tests.Infrastructure;

namespace Villages.Cli.Tests.Load;

/// <summary>The load command against the in-memory gateway: what it sends, what it counts, and its exit code.</summary>
public sealed class LoadRunTests : IDisposable
{
    private readonly string _json = Path.Combine(Path.GetTempPath(), $"villages-load-{Guid.NewGuid():N}.json");
    private readonly FakeGateway _gateway = new();

    public void Dispose() => File.Delete(_json);

    [Fact]
    public async Task Registers_every_seller_then_posts_every_line_in_batches_and_reports_them()
    {
        var (code, output, errors) = await Run("--sellers", "200", "--count", "3000", "--batch-size", "700", "--parallel", "3");

        Assert.True(code == CliApp.Ok, errors + output);
        Assert.Equal(200, _gateway.Calls.Count(c => c.StartsWith("PUT /api/sellers/", StringComparison.Ordinal)));
        Assert.Equal(_gateway.Calls.Count(c => c.StartsWith("PUT", StringComparison.Ordinal)), _gateway.Calls.TakeWhile(c => c.StartsWith("PUT", StringComparison.Ordinal)).Count());
        Assert.Equal(3_000, _gateway.BatchSizes.Sum());
        Assert.All(_gateway.BatchSizes, n => Assert.InRange(n, 1, 700));
        Assert.Contains("3,000 sent: 3,000 accepted, 0 duplicates, 0 rejected", output, StringComparison.Ordinal);
        Assert.Contains("batch latency  p50", output, StringComparison.Ordinal);

        var json = Json();
        Assert.Equal(3_000, json.GetProperty("ingest").GetProperty("accepted").GetInt64());
        Assert.Equal(200, json.GetProperty("registration").GetProperty("created").GetInt32());
        Assert.Equal(5, json.GetProperty("ingest").GetProperty("batchLatency").GetProperty("count").GetInt32());
        Assert.True(json.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Rerunning_a_run_is_all_duplicates_and_a_new_run_tag_adds_new_lines()
    {
        string[] args = ["--sellers", "50", "--count", "1000"];
        Assert.Equal(CliApp.Ok, (await Run(args)).Code);

        var (again, output, _) = await Run(args);
        Assert.Equal(CliApp.Ok, again);
        Assert.Contains("1,000 sent: 0 accepted, 1,000 duplicates", output, StringComparison.Ordinal);
        Assert.Equal(50, Json().GetProperty("registration").GetProperty("existing").GetInt32());

        var (other, otherOutput, _) = await Run([.. args, "--run", "two", "--skip-register"]);
        Assert.Equal(CliApp.Ok, other);
        Assert.Contains("1,000 sent: 1,000 accepted, 0 duplicates", otherOutput, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, Json().GetProperty("registration").ValueKind);
    }

    [Fact]
    public async Task A_rejected_line_is_counted_and_reported_and_the_run_goes_on_and_exits_1()
    {
        _gateway.RejectSaleIds.Add("load-1-1-5");

        var (code, output, _) = await Run("--sellers", "50", "--count", "1000", "--batch-size", "100");

        Assert.Equal(CliApp.Failed, code);
        Assert.Contains("999 accepted, 0 duplicates, 1 rejected", output, StringComparison.Ordinal);
        Assert.Contains("sale load-1-1-5 refused", output, StringComparison.Ordinal);
        Assert.Equal(1_000, _gateway.BatchSizes.Sum());
        Assert.False(Json().GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task A_503_or_a_dropped_connection_is_resent_and_every_line_counted_once()
    {
        var (code, _, _) = await Run("--sellers", "20", "--count", "10", "--skip-register");
        Assert.Equal(CliApp.Failed, code);
        _gateway.Failures.Enqueue(FakeGateway.Failure.Unavailable);
        _gateway.Failures.Enqueue(FakeGateway.Failure.ConnectionRefused);

        (code, _, _) = await Run("--sellers", "20", "--count", "600", "--batch-size", "200", "--run", "retry");

        Assert.Equal(CliApp.Ok, code);
        var ingest = Json().GetProperty("ingest");
        Assert.Equal(600, ingest.GetProperty("accepted").GetInt64());
        Assert.Equal(2, ingest.GetProperty("retries").GetInt32());
    }

    [Fact]
    public async Task A_paced_run_for_a_duration_counts_every_line_it_sent()
    {
        var (code, output, errors) = await Run("--sellers", "20", "--duration", "0.5", "--rate", "2000", "--batch-size", "100", "--parallel", "2");

        Assert.True(code == CliApp.Ok, errors + output);
        var ingest = Json().GetProperty("ingest");
        Assert.Equal(ingest.GetProperty("lines").GetInt64(), ingest.GetProperty("accepted").GetInt64());
        Assert.Equal(ingest.GetProperty("lines").GetInt64(), _gateway.BatchSizes.Sum());
        Assert.True(ingest.GetProperty("lines").GetInt64() > 0);
        Assert.Equal(JsonValueKind.Null, Json().GetProperty("setup").GetProperty("count").ValueKind);
    }

    [Fact]
    public async Task Queries_only_asks_the_three_queries_in_turn_and_posts_nothing()
    {
        var (code, output, errors) = await Run("--sellers", "30", "--queries-only", "--count", "9", "--year", "2018");

        Assert.True(code == CliApp.Ok, errors + output);
        Assert.DoesNotContain(_gateway.Calls, c => c.StartsWith("P", StringComparison.Ordinal));
        var queries = Json().GetProperty("queries");
        Assert.Equal("api/regions/CN", queries.GetProperty("national").GetProperty("path").GetString());
        Assert.Matches(@"^api/regions/[1-9][0-9]{5}/series\?from=2018-01-01&to=2019-01-01&interval=day$", queries.GetProperty("countySeries").GetProperty("path").GetString());
        Assert.Matches(@"^api/regions/[1-9][0-9]{11}/children\?sort=net&top=10$", queries.GetProperty("villageChildren").GetProperty("path").GetString());
        Assert.All(new[] { "national", "countySeries", "villageChildren" }, q => Assert.Equal(3, queries.GetProperty(q).GetProperty("count").GetInt32()));
        Assert.Equal(JsonValueKind.Null, Json().GetProperty("ingest").ValueKind);
    }

    [Fact]
    public async Task Freshness_probes_post_one_line_each_of_their_own_product_and_a_rerun_does_not_time_them()
    {
        var (code, output, errors) = await Run("--sellers", "30", "--count", "1000", "--batch-size", "100", "--probe-freshness", "4");

        Assert.True(code == CliApp.Ok, errors + output);
        Assert.Contains("PUT /api/sellers/load-1-probe", _gateway.Calls);
        Assert.Equal(1_004, _gateway.BatchSizes.Sum());
        Assert.Equal(4, _gateway.BatchSizes.Count(n => n == 1));
        Assert.Equal(4, Json().GetProperty("freshness").GetProperty("measured").GetInt32());

        (code, output, _) = await Run("--sellers", "30", "--count", "1000", "--batch-size", "100", "--probe-freshness", "4");

        Assert.Equal(CliApp.Ok, code);
        Assert.Equal(4, Json().GetProperty("freshness").GetProperty("repeated").GetInt32());
        Assert.Contains("4 were duplicates of an earlier run", output, StringComparison.Ordinal);
    }

    private Task<(int Code, string Output, string Errors)> Run(params string[] args) =>
        InProcessCli.Run(_ => _gateway.Client(), ["load", "--config-folder", ReferenceFiles.Folder, "--json", _json, .. args]);

    private JsonElement Json() => JsonDocument.Parse(File.ReadAllText(_json)).RootElement;
}
