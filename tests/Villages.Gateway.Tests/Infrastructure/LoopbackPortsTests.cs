using System.Net;
using System.Net.Sockets;
using Villages.Tests.Shared;

namespace Villages.Gateway.Tests.Infrastructure;

public class LoopbackPortsTests
{
    [Fact]
    public void Ports_handed_out_are_distinct_listenable_and_below_the_ephemeral_range()
    {
        var ports = Enumerable.Range(0, 20).Select(_ => LoopbackPorts.Next()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, port => Assert.InRange(port, 20_000, 32_767));
        foreach (var port in ports)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
        }
    }
}
