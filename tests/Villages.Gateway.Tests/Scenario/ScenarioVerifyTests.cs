using Villages.Cli.CommandLine;
using Villages.Gateway.Tests.Infrastructure;

namespace Villages.Gateway.Tests.Scenario;

/// <summary>`villages scenario --verify`: the article's figures read back through the API, and a wrong one caught.</summary>
public sealed class ScenarioVerifyTests(ScenarioNodeFixture node) : IClassFixture<ScenarioNodeFixture>
{
    [Fact]
    public async Task Verify_reads_every_expected_figure_back_and_fails_when_one_is_off()
    {
        var (code, output) = await Scenario();
        Assert.True(code == CliApp.Ok, output);
        Assert.True(output.Contains("All 12 figures are right.", StringComparison.Ordinal), output);

        // A sale the plan does not know of: the second run's lines are all duplicates, so only Xinjiang's 2018 net moves.
        var (registered, _) = await node.Client.Put("/api/sellers/not-in-the-plan", new { name = "Extra", villageCode = "650102002201", kind = "household", members = 1 });
        Assert.Equal(System.Net.HttpStatusCode.Created, registered);
        var (status, answer) = await node.Client.Post("/api/sales", new[]
        {
            new { platform = "jd", saleId = "not-in-the-plan-1", sellerId = "not-in-the-plan", time = "2018-03-01T10:00:00+08:00", product = "apple", category = "fruit", quantity = 1, amount = 1.00m, customer = "someone" },
        });
        Assert.Equal((System.Net.HttpStatusCode.OK, 1), (status, answer!["accepted"]!.GetValue<int>()));

        (code, output) = await Scenario();
        Assert.Equal(CliApp.Failed, code);
        Assert.Contains("MISMATCH Xinjiang (65) net sales 2018", output);
        Assert.Contains("1 of 12 figures are wrong.", output);
    }

    private async Task<(int Code, string Output)> Scenario()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await CliApp.RunAsync(
            ["scenario", "--scale", "0.0001", "--url", "http://localhost/", "--config-folder", Path.Combine(AppContext.BaseDirectory, "silo-config"), "--verify"],
            output,
            errors,
            _ => node.CreateClient());
        return (code, $"{output}\n{errors}");
    }
}
