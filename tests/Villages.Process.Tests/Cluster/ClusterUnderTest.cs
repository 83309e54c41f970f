using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Villages.Postgres.Tests.Infrastructure;

namespace Villages.Process.Tests.Cluster;

/// <summary>
/// PostgreSQL, `villages db init`, N silo processes and one gateway process on loopback ports: the cluster as an
/// operator runs it (docs/operations.md), each piece a real process that can be killed.
/// </summary>
public sealed class ClusterUnderTest : IAsyncDisposable
{
    private readonly string _clusterId = "test-" + Guid.NewGuid().ToString("N")[..8];

    private ClusterUnderTest(PostgresServer database, string connectionString)
    {
        Database = database;
        ConnectionString = connectionString;
    }

    public PostgresServer Database { get; }

    public string ConnectionString { get; }

    public List<(ChildProcess Process, int SiloPort)> Silos { get; } = [];

    public NodeProcess Gateway { get; private set; } = null!;

    public HttpClient Client => Gateway.Client;

    public static async Task<ClusterUnderTest> Start(int silos)
    {
        var database = new PostgresServer();
        await database.InitializeAsync();
        var cluster = new ClusterUnderTest(database, await database.CreateDatabase("villages"));
        using (var init = ChildProcess.Start("Villages.Cli", "villages.dll", "db", "init", "--connection-string", cluster.ConnectionString))
        {
            Assert.True(await init.WaitForExit(TimeSpan.FromSeconds(60)) == 0, "villages db init failed:\n" + init.Output);
        }

        await Task.WhenAll(Enumerable.Range(0, silos).Select(_ => cluster.AddSilo()));
        cluster.Gateway = await NodeProcess.StartGateway(
            "--mode", "cluster", "--Villages:ConnectionString", cluster.ConnectionString, "--Orleans:ClusterId", cluster._clusterId);
        return cluster;
    }

    /// <summary>Starts one more silo and returns once it says it has started.</summary>
    public async Task<int> AddSilo()
    {
        var siloPort = ChildProcess.FreePort();
        var silo = ChildProcess.Start(
            "Villages.Silo", "Villages.Silo.dll",
            "--Villages:ConnectionString", ConnectionString,
            "--Villages:SiloPort", siloPort.ToString(CultureInfo.InvariantCulture),
            "--Villages:GatewayPort", ChildProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            "--Villages:AdvertisedAddress", "127.0.0.1",
            "--Orleans:ClusterId", _clusterId);
        lock (Silos)
        {
            Silos.Add((silo, siloPort));
        }

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!silo.Output.Contains("Application started", StringComparison.Ordinal))
        {
            Assert.False(silo.HasExited, "a silo exited while starting:\n" + silo.Output);
            Assert.True(DateTime.UtcNow < deadline, "a silo did not start within 90 s:\n" + silo.Output);
            await Task.Delay(200);
        }

        return siloPort;
    }

    /// <summary>Sends until the gateway acknowledges, as a platform does: 503s and broken connections are retried.</summary>
    public async Task<T> Until<T>(Func<HttpClient, Task<HttpResponseMessage>> send, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            try
            {
                using var response = await send(Client);
                if (response.IsSuccessStatusCode)
                {
                    return (await response.Content.ReadFromJsonAsync<T>())!;
                }

                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"the gateway answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                Assert.True(response.Headers.RetryAfter is not null, "a 503 must say when to retry");
            }
            catch (HttpRequestException)
            {
                // The connection broke: retry.
            }
            catch (TaskCanceledException)
            {
                // Timed out: retry.
            }

            Assert.True(DateTime.UtcNow < deadline, "the cluster did not recover in time");
            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Gateway?.Dispose();
        foreach (var (process, _) in Silos)
        {
            process.Dispose();
        }

        await Database.DisposeAsync();
    }
}
