namespace Villages.Baselines.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void The_postgres_baseline_reads_its_options_with_defaults_for_the_rest()
    {
        var o = Options.Parse(["postgres", "--input", "/d", "--connection-string", "Host=x", "--parallel", "8", "--probe-queries", "2.5"]);

        Assert.Equal(("postgres", "/d", "Host=x", 8, 2.5), (o.Baseline, o.Input, o.ConnectionString, o.Parallel, o.ProbeQueriesPerSecond));
        Assert.Equal((5, 200, TimeSpan.FromSeconds(60), 50, (string?)null), (o.Warmups, o.QueryRuns, o.QueryBudget, o.FreshnessProbes, o.JsonPath));
    }

    [Theory]
    [InlineData("postgres --input /d")]
    [InlineData("memory")]
    [InlineData("memory --input /d --parallel 2")]
    [InlineData("memory --input /d --input /e")]
    [InlineData("memory --input /d --jsn x")]
    [InlineData("memory --input")]
    [InlineData("postgres --input /d --connection-string x --parallel 0")]
    [InlineData("mysql --input /d")]
    public void A_wrong_command_line_is_an_error_not_a_default(string line)
    {
        Assert.Throws<ArgumentException>(() => Options.Parse(line.Split(' ')));
    }
}
