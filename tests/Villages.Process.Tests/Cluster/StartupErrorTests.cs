namespace Villages.Process.Tests.Cluster;

/// <summary>A wrong setting stops a process with one line that names it, not a stack trace.</summary>
public sealed class StartupErrorTests
{
    [Fact]
    public async Task A_silo_with_an_unreachable_database_exits_naming_the_connection_string()
    {
        using var silo = ChildProcess.Start(
            "Villages.Silo", "Villages.Silo.dll",
            "--Villages:ConnectionString", $"Host=127.0.0.1;Port={ChildProcess.FreePort()};Database=villages;Username=villages;Timeout=3");
        Assert.Equal(2, await silo.WaitForExit(TimeSpan.FromSeconds(60)));
        var lines = silo.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("villages silo: Villages:ConnectionString cannot be reached", line);
    }

    [Fact]
    public async Task A_gateway_with_an_unknown_store_exits_naming_the_setting()
    {
        using var gateway = ChildProcess.Start("Villages.Gateway", "Villages.Gateway.dll", "--Villages:Store", "oracle", "--urls", $"http://127.0.0.1:{ChildProcess.FreePort()}");
        Assert.Equal(2, await gateway.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.StartsWith("villages gateway: Villages:Store 'oracle' is not a store", gateway.Output.Trim());
    }
}
