namespace Villages.Process.Tests;

/// <summary>A gateway process (the embedded node, or a cluster gateway) and an HTTP client to it, once it is healthy.</summary>
public sealed class NodeProcess : IDisposable
{
    private readonly ChildProcess _process;

    private NodeProcess(ChildProcess process, int port)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    /// <summary>The embedded node on a data folder.</summary>
    public static Task<NodeProcess> Start(string dataFolder) => StartGateway(
        "--data", dataFolder,
        "--Villages:SiloPort", ChildProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--Villages:GatewayPort", ChildProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static async Task<NodeProcess> StartGateway(params string[] args)
    {
        var port = ChildProcess.FreePort();
        var node = new NodeProcess(ChildProcess.Start("Villages.Gateway", "Villages.Gateway.dll", [.. args, "--urls", $"http://127.0.0.1:{port}"]), port);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await node.Client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return node;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.False(node._process.HasExited, "the gateway exited while starting:\n" + node._process.Output);
            await Task.Delay(250);
        }

        var output = node._process.Output;
        node.Dispose();
        throw new TimeoutException("the gateway did not become healthy within 90 s:\n" + output);
    }

    public void Kill() => _process.Kill();

    public void Dispose()
    {
        _process.Dispose();
        Client.Dispose();
    }
}
