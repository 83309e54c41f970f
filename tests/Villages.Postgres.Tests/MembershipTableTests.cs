using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;
using Villages.Postgres.Tests.Infrastructure;

namespace Villages.Postgres.Tests;

/// <summary>
/// Each of the nine membership queries of orleans-clustering.sql, driven through the provider's own
/// <see cref="AdoNetClusteringTable"/> and <see cref="AdoNetGatewayListProvider"/>, including the paths a short
/// cluster run never takes (stale versions, heartbeats, clean-up, deletion). The server's time zone is +08:00,
/// so a time stored without its zone would come back eight hours off.
/// </summary>
public sealed class MembershipTableTests(PostgresServer server) : IClassFixture<PostgresServer>, IAsyncLifetime
{
    private const string ClusterId = "members";
    private static readonly DateTime T0 = new(2024, 6, 1, 4, 0, 0, 123, DateTimeKind.Utc);

    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();
    private string _cs = "";

    public async Task InitializeAsync() => _cs = await Schema.Fresh(server, "members_" + Guid.NewGuid().ToString("N"));

    public Task DisposeAsync() => _services.DisposeAsync().AsTask();

    [Fact]
    public async Task Silos_join_change_and_heartbeat_only_from_the_version_they_read()
    {
        var table = await Table();
        var empty = await table.ReadAllAsync();
        Assert.Empty(empty.Members);
        Assert.Equal(0, empty.Version.Version);
        // A second silo initialising finds the version row there and leaves it alone.
        await (await Table()).InitializeMembershipTableAsync(true);
        Assert.Equal(0, (await table.ReadAllAsync()).Version.Version);

        var a = Entry(11111, SiloStatus.Joining, proxyPort: 30000);
        Assert.True(await table.InsertRowAsync(a, empty.Version.Next()));
        Assert.False(await table.InsertRowAsync(Entry(11112, SiloStatus.Joining), empty.Version.Next()));
        var one = await table.ReadAllAsync();
        Assert.Equal(1, one.Version.Version);
        // The same silo again is refused, and the refusal does not move the version.
        Assert.False(await table.InsertRowAsync(a, one.Version.Next()));
        Assert.Equal(1, (await table.ReadAllAsync()).Version.Version);

        var (read, etag) = Assert.Single((await table.ReadRowAsync(a.SiloAddress)).Members);
        Assert.Equal((a.SiloAddress, a.SiloName, a.HostName, a.Status, a.ProxyPort), (read.SiloAddress, read.SiloName, read.HostName, read.Status, read.ProxyPort));
        Assert.Equal((T0, DateTimeKind.Utc), (read.StartTime, read.StartTime.Kind));
        Assert.Equal(T0.AddSeconds(1), read.IAmAliveTime);
        Assert.Equal(new DateTimeOffset(T0).ToUnixTimeMilliseconds() / 1000m, await Schema.Scalar<decimal>(_cs,
            "SELECT extract(epoch FROM StartTime) FROM OrleansMembershipTable WHERE Port = 11111"));

        var suspecter = SiloAddress.New(IPAddress.Loopback, 22222, 7);
        read.Status = SiloStatus.Active;
        read.SuspectTimes = [Tuple.Create(suspecter, T0.AddMinutes(1))];
        Assert.True(await table.UpdateRowAsync(read, etag, one.Version.Next()));
        Assert.False(await table.UpdateRowAsync(read, etag, one.Version.Next()));
        Assert.False(await table.UpdateRowAsync(Entry(33333, SiloStatus.Active), etag, (await table.ReadAllAsync()).Version.Next()));

        var two = await table.ReadAllAsync();
        Assert.Equal(2, two.Version.Version);
        var active = Assert.Single(two.Members).Item1;
        Assert.Equal(SiloStatus.Active, active.Status);
        var suspicion = Assert.Single(active.SuspectTimes!);
        Assert.Equal((suspecter, T0.AddMinutes(1)), (suspicion.Item1, suspicion.Item2));

        active.IAmAliveTime = T0.AddMinutes(5);
        await table.UpdateIAmAliveAsync(active);
        var afterHeartbeat = await table.ReadRowAsync(a.SiloAddress);
        Assert.Equal(T0.AddMinutes(5), Assert.Single(afterHeartbeat.Members).Item1.IAmAliveTime);
        Assert.Equal(2, afterHeartbeat.Version.Version);
        Assert.Empty((await table.ReadRowAsync(SiloAddress.New(IPAddress.Loopback, 11111, 2))).Members);
    }

    [Fact]
    public async Task Clients_see_active_gateways_only()
    {
        var table = await Table();
        var gateway = Entry(1001, SiloStatus.Active, proxyPort: 2001);
        foreach (var entry in new[] { gateway, Entry(1002, SiloStatus.Joining, proxyPort: 2002), Entry(1003, SiloStatus.Active), Entry(1004, SiloStatus.Dead, proxyPort: 2004) })
        {
            Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        }

        var gateways = new AdoNetGatewayListProvider(
            NullLogger<AdoNetGatewayListProvider>.Instance, _services,
            Options.Create(new AdoNetClusteringClientOptions { Invariant = Silos.Invariant, ConnectionString = _cs }),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions { ClusterId = ClusterId, ServiceId = "svc" }));
        await gateways.InitializeGatewayListProvider();

        Assert.Equal([SiloAddress.New(IPAddress.Loopback, 2001, gateway.SiloAddress.Generation).ToGatewayUri()], await gateways.GetGateways());
    }

    [Fact]
    public async Task Defunct_silos_are_cleaned_up_and_a_cluster_can_be_forgotten()
    {
        var table = await Table();
        var oldActive = Entry(1, SiloStatus.Active);
        var oldDead = Entry(2, SiloStatus.Dead);
        var recentDead = Entry(3, SiloStatus.Dead, alive: T0.AddDays(2));
        foreach (var entry in new[] { oldActive, oldDead, recentDead })
        {
            Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        }

        await table.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(T0.AddDays(1)));
        Assert.Equal([1, 3], (await table.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress.Endpoint.Port).Order());

        await table.DeleteMembershipTableEntriesAsync(ClusterId);
        Assert.Equal(0L, await Schema.Scalar<long>(_cs, "SELECT count(*) FROM OrleansMembershipTable"));
        Assert.Equal(0L, await Schema.Scalar<long>(_cs, "SELECT count(*) FROM OrleansMembershipVersionTable"));
        await table.InitializeMembershipTableAsync(true);
        var fresh = await table.ReadAllAsync();
        Assert.Equal((0, 0), (fresh.Members.Count, fresh.Version.Version));
    }

    private async Task<AdoNetClusteringTable> Table()
    {
        var table = new AdoNetClusteringTable(
            _services,
            Options.Create(new ClusterOptions { ClusterId = ClusterId, ServiceId = "svc" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = Silos.Invariant, ConnectionString = _cs }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(true);
        return table;
    }

    private static MembershipEntry Entry(int port, SiloStatus status, int proxyPort = 0, DateTime? alive = null) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, port, 1),
        SiloName = $"silo-{port}",
        HostName = "host",
        Status = status,
        ProxyPort = proxyPort,
        StartTime = T0,
        IAmAliveTime = alive ?? T0.AddSeconds(1),
    };
}
