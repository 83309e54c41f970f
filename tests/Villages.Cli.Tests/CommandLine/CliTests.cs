using Villages.Cli.CommandLine;
using Villages.Cli.Tests.Infrastructure;

namespace Villages.Cli.Tests.CommandLine;

public sealed class CliTests
{
    [Theory]
    [InlineData]
    [InlineData("help")]
    [InlineData("--help")]
    public async Task Help_prints_the_usage(params string[] args)
    {
        var (code, output, _) = await Run(args);

        Assert.Equal(CliApp.Ok, code);
        Assert.Contains("villages scenario --scale S", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scenario")]
    [InlineData("scenario", "--scale")]
    [InlineData("scenario", "--scale", "abc")]
    [InlineData("scenario", "--scale", "0")]
    [InlineData("scenario", "--scale", "1e-4", "--sead", "3")]
    [InlineData("scenario", "--scale", "1e-4", "--scale", "1e-4")]
    [InlineData("scenario", "--scale", "1e-4", "--batch-size", "10000")]
    [InlineData("scenario", "--scale", "1e-4", "--url", "ftp://x")]
    [InlineData("frobnicate")]
    public async Task A_bad_command_line_exits_2_with_the_reason_and_the_usage(params string[] args)
    {
        var (code, _, errors) = await Run(args);

        Assert.Equal(CliApp.BadUsage, code);
        Assert.StartsWith("villages: ", errors, StringComparison.Ordinal);
        Assert.Contains("Usage:", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_prints_the_plan_and_the_expected_figures_and_posts_nothing()
    {
        var (code, output, _) = await Run("scenario", "--scale=1e-4", "--config-folder", ReferenceFiles.Folder, "--dry-run");

        Assert.Equal(CliApp.Ok, code);
        Assert.Contains("1597000.00 yuan", output, StringComparison.Ordinal);
        Assert.Contains("9000000.00 yuan", output, StringComparison.Ordinal);
        Assert.Contains("85.000 kg", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Posting", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_posts_through_the_given_client_and_reports_what_was_taken()
    {
        var gateway = new FakeGateway();
        Uri? asked = null;

        var (code, output, _) = await Run(
            u =>
            {
                asked = u;
                return gateway.Client();
            },
            "scenario", "--scale", "3e-5", "--seed", "5", "--url", "http://node:5080/base", "--config-folder", ReferenceFiles.Folder);

        Assert.Equal(CliApp.Ok, code);
        Assert.Equal(new Uri("http://node:5080/base/"), asked);
        Assert.Contains("accepted", output, StringComparison.Ordinal);
        Assert.Contains("POST /api/admin/settle", gateway.Calls);
    }

    [Fact]
    public async Task A_rejected_line_exits_1_with_the_APIs_reason()
    {
        var gateway = new FakeGateway();
        gateway.RejectSaleIds.Add("sc1-bm-1");

        var (code, _, errors) = await Run(_ => gateway.Client(), "scenario", "--scale", "3e-5", "--config-folder", ReferenceFiles.Folder);

        Assert.Equal(CliApp.Failed, code);
        Assert.Contains("sale sc1-bm-1 refused", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_config_folder_exits_3()
    {
        var (code, _, errors) = await Run("scenario", "--scale", "1e-4", "--config-folder", "/nonexistent", "--dry-run");

        Assert.Equal(CliApp.BadConfiguration, code);
        Assert.Contains("/nonexistent", errors, StringComparison.Ordinal);
    }

    private static Task<(int, string, string)> Run(params string[] args) => Run(null, args);

    private static async Task<(int, string, string)> Run(Func<Uri, HttpClient>? clientFor, params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await CliApp.RunAsync(args, output, errors, clientFor);
        return (code, output.ToString(), errors.ToString());
    }
}
