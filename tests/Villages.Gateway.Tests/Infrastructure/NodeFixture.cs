using Microsoft.AspNetCore.Mvc.Testing;

namespace Villages.Gateway.Tests.Infrastructure;

/// <summary>The embedded node (silo and gateway in one process) over a fresh data folder, on free ports.</summary>
public sealed class NodeFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program> _factory = null!;

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "villages-http-" + Guid.NewGuid().ToString("N"));

    public HttpClient Client { get; private set; } = null!;

    /// <summary>A client of its own, for code that disposes the client it is given (the CLI does).</summary>
    public HttpClient CreateClient() => _factory.CreateClient();

    public Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Villages:DataFolder", DataFolder);
            web.UseSetting("Villages:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
            web.UseSetting("Villages:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
            web.UseSetting("Orleans:ClusterId", "http-tests-" + Guid.NewGuid().ToString("N"));
        });
        Client = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection may still hold a file; the folder is under the temp path.
        }
    }

    public static int FreePort() => Villages.Tests.Shared.LoopbackPorts.Next();
}

/// <summary>A node of its own for the seed scenario, whose Xinjiang and programme figures must not see other tests' sales.</summary>
public sealed class ScenarioNodeFixture : IAsyncLifetime
{
    private readonly NodeFixture _node = new();

    public HttpClient Client => _node.Client;

    public HttpClient CreateClient() => _node.CreateClient();

    public Task InitializeAsync() => _node.InitializeAsync();

    public Task DisposeAsync() => _node.DisposeAsync();
}

/// <summary>A node of its own for the load generator, whose national figures must count its lines and nothing else.</summary>
public sealed class LoadNodeFixture : IAsyncLifetime
{
    private readonly NodeFixture _node = new();

    public HttpClient Client => _node.Client;

    public HttpClient CreateClient() => _node.CreateClient();

    public Task InitializeAsync() => _node.InitializeAsync();

    public Task DisposeAsync() => _node.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class NodeCollection : ICollectionFixture<NodeFixture>
{
    public const string Name = "embedded node";
}
