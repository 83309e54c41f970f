using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Villages.Process.Tests;

/// <summary>The embedded node as an operator runs it: `dotnet Villages.Gateway.dll --data DIR`, on free loopback ports.</summary>
public sealed class NodeProcess : IDisposable
{
    private readonly System.Diagnostics.Process _process;

    private NodeProcess(System.Diagnostics.Process process, int port)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public static async Task<NodeProcess> Start(string dataFolder)
    {
        var port = FreePort();
        var gateway = GatewayBuild();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(gateway)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            gateway, "--data", dataFolder, "--urls", $"http://127.0.0.1:{port}",
            "--Villages:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Villages:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = System.Diagnostics.Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var node = new NodeProcess(process, port);
        var deadline = DateTime.UtcNow.AddSeconds(60);
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

            Assert.False(process.HasExited, "the node exited while starting");
            await Task.Delay(250);
        }

        node.Dispose();
        throw new TimeoutException("the node did not become healthy within 60 s");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly what a crash leaves behind.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        Client.Dispose();
    }

    private static string GatewayBuild()
    {
        // This test's output is tests/Villages.Process.Tests/bin/<Configuration>/net10.0/; the gateway's is alongside in src/.
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Villages.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var dll = Path.Combine(root!.FullName, "src", "Villages.Gateway", "bin", configuration, framework, "Villages.Gateway.dll");
        Assert.True(File.Exists(dll), $"the gateway is not built at {dll}");
        return dll;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
