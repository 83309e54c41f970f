using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Villages.Tests.Shared;

/// <summary>
/// Ports for the servers tests start on 127.0.0.1. Asking the kernel for port 0 and closing it left a window in which
/// an outgoing connection (the kernel hands those the same ephemeral range) or another test process could take the
/// port before the server bound it, and a test failed now and then. These come from below the ephemeral range
/// (32768–60999 on Linux by default), and a lock on a file per port, held until this process ends, keeps the test
/// processes that dotnet test runs side by side from choosing the same one.
/// </summary>
public static class LoopbackPorts
{
    private const int First = 20_000;
    private const int Last = 32_000;

    private static readonly Lock Gate = new();
    private static readonly List<FileStream> Claims = [];
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "villages-test-ports");

    /// <summary>A loopback port nobody listens on and no other caller in any test process has been given.</summary>
    public static int Next()
    {
        lock (Gate)
        {
            Directory.CreateDirectory(Folder);
            for (var attempt = 0; attempt < 1_000; attempt++)
            {
                var port = Random.Shared.Next(First, Last);
                if (Claim(port) is not { } claim)
                {
                    continue;
                }

                if (!CanListen(port))
                {
                    claim.Dispose();
                    continue;
                }

                Claims.Add(claim);
                return port;
            }

            throw new InvalidOperationException($"No free loopback port between {First} and {Last} after 1,000 tries.");
        }
    }

    private static FileStream? Claim(int port)
    {
        try
        {
            // FileShare.None is an exclusive lock on Unix too, and the kernel drops it when the process ends, however it ends.
            return new FileStream(
                Path.Combine(Folder, port.ToString(CultureInfo.InvariantCulture)), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool CanListen(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
