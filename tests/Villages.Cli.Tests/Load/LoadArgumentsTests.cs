using Villages.Cli.CommandLine;
using Villages.Cli.Load;
using Villages.Cli.Tests.Infrastructure;

namespace Villages.Cli.Tests.Load;

public sealed class LoadArgumentsTests
{
    private static LoadArguments Parse(params string[] args) =>
        LoadArguments.From(Arguments.Parse(["load", .. args], LoadArguments.Valued, LoadArguments.Flags));

    [Fact]
    public void Without_options_it_posts_100000_lines_of_10000_sellers_in_batches_of_5000_four_at_a_time()
    {
        var a = Parse();

        Assert.Equal(new LoadPlanOptions(), a.Plan);
        Assert.Equal(1, a.Plan.Seed);
        Assert.Equal("1", a.Plan.Run);
        Assert.Equal(10_000, a.Plan.Sellers);
        Assert.Equal(2017, a.Plan.Year);
        Assert.Equal(new Uri("http://localhost:5080/"), a.Url);
        Assert.Equal(100_000, a.Count);
        Assert.Null(a.Duration);
        Assert.Null(a.Rate);
        Assert.Equal(5_000, a.BatchSize);
        Assert.Equal(4, a.Parallelism);
        Assert.True(a.Posts);
        Assert.False(a.SkipRegister);
        Assert.Null(a.ProbeQueries);
        Assert.Equal(0, a.ProbeFreshness);
    }

    [Fact]
    public void Every_option_is_read()
    {
        var a = Parse(
            "--url", "http://node:5091", "--seed", "7", "--run", "b-2", "--sellers", "20000", "--villages", "v.csv.gz", "--config-folder", "cfg",
            "--year", "2018", "--count", "200000", "--duration=30", "--rate", "25000.5", "--batch-size", "10000", "--parallel", "8", "--skip-register",
            "--probe-queries", "20", "--probe-freshness", "10", "--json", "r.json");

        Assert.Equal(new LoadPlanOptions(7, "b-2", 20_000, 2018, "cfg", "v.csv.gz"), a.Plan);
        Assert.Equal(new Uri("http://node:5091/"), a.Url);
        Assert.Equal(200_000, a.Count);
        Assert.Equal(TimeSpan.FromSeconds(30), a.Duration);
        Assert.Equal(25_000.5, a.Rate);
        Assert.Equal(10_000, a.BatchSize);
        Assert.Equal(8, a.Parallelism);
        Assert.True(a.SkipRegister);
        Assert.Equal(20, a.ProbeQueries);
        Assert.Equal(10, a.ProbeFreshness);
        Assert.Equal("r.json", a.JsonPath);
    }

    [Fact]
    public void A_duration_alone_has_no_line_count()
    {
        var a = Parse("--duration", "1.5");

        Assert.Null(a.Count);
        Assert.Equal(TimeSpan.FromSeconds(1.5), a.Duration);
    }

    [Fact]
    public void Queries_only_asks_300_queries_by_default_and_posts_nothing()
    {
        var a = Parse("--queries-only", "--probe-queries", "50");

        Assert.Equal(300, a.Count);
        Assert.False(a.Posts);
        Assert.Equal(50, a.ProbeQueries);
    }

    [Fact]
    public void No_post_only_saves()
    {
        var a = Parse("--save", "out", "--no-post", "--count", "10");

        Assert.Equal("out", a.SaveFolder);
        Assert.False(a.Posts);
    }

    [Theory]
    [InlineData("--sellers", "0")]
    [InlineData("--sellers", "many")]
    [InlineData("--sellers", "10000001")]
    [InlineData("--seed", "-1")]
    [InlineData("--run", "Run_1")]
    [InlineData("--run", "")]
    [InlineData("--run", "a--b")]
    [InlineData("--run", "abcdefghijklmnopqrstuvwxyz0123456")]
    [InlineData("--year", "1999")]
    [InlineData("--year", "2099")]
    [InlineData("--count", "0")]
    [InlineData("--count", "1e5")]
    [InlineData("--duration", "0")]
    [InlineData("--duration", "soon")]
    [InlineData("--rate", "-5")]
    [InlineData("--batch-size", "10001")]
    [InlineData("--parallel", "0")]
    [InlineData("--probe-queries", "0")]
    [InlineData("--probe-freshness", "0")]
    [InlineData("--url", "ftp://node")]
    [InlineData("--no-post")]
    [InlineData("--no-post", "--save", "out", "--probe-queries", "5")]
    [InlineData("--no-post", "--save", "out", "--skip-register")]
    [InlineData("--save", "out", "--duration", "10")]
    [InlineData("--queries-only", "--no-post", "--save", "out")]
    [InlineData("--queries-only", "--rate", "100")]
    [InlineData("--queries-only", "--save", "out")]
    [InlineData("--count", "5", "--count", "6")]
    [InlineData("--skip-register=yes")]
    [InlineData("--lines", "5")]
    [InlineData("extra")]
    public async Task A_bad_load_command_line_exits_2_with_the_reason_and_the_usage(params string[] args)
    {
        var (code, output, errors) = await InProcessCli.Run(["load", .. args]);

        Assert.Equal(CliApp.BadUsage, code);
        Assert.Equal("", output);
        Assert.StartsWith("villages: ", errors, StringComparison.Ordinal);
        Assert.Contains("villages load [--url URL]", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_usage_documents_the_saved_format()
    {
        var (code, output, _) = await InProcessCli.Run("help");

        Assert.Equal(CliApp.Ok, code);
        Assert.Contains("header sellerId,villageCode,kind,members", output, StringComparison.Ordinal);
        Assert.Contains("DIR/sales-000001.json", output, StringComparison.Ordinal);
        Assert.Contains("--probe-freshness N", output, StringComparison.Ordinal);
    }
}
