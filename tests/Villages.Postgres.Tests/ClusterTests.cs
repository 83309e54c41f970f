using Villages.Postgres.Tests.Grains;
using Villages.Postgres.Tests.Infrastructure;

namespace Villages.Postgres.Tests;

/// <summary>
/// Two real silos on loopback TCP find each other through orleans-clustering.sql, and an external client finds
/// them through the gateway list it reads from the same table. (InProcessTestClusterBuilder cannot show this: its
/// membership switch is internal and its transport is in memory.)
/// </summary>
public sealed class ClusterTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private const int Active = 3;
    private const int Dead = 6;

    [Fact]
    public async Task Two_silos_join_through_the_table_and_a_client_reaches_both_through_the_gateway_list()
    {
        var cs = await Schema.Fresh(server, "cluster_" + Guid.NewGuid().ToString("N"));
        var silos = await Task.WhenAll(Silos.StartSilo(cs, "two", "silo-a"), Silos.StartSilo(cs, "two", "silo-b"));
        var client = await Silos.StartClient(cs, "two");
        var stopped = false;
        try
        {
            Assert.Equal($"silo-a:{Active},silo-b:{Active}", await Schema.Scalar<string>(cs,
                "SELECT string_agg(SiloName || ':' || Status, ',' ORDER BY SiloName) FROM OrleansMembershipTable WHERE DeploymentId = 'two'"));
            Assert.Equal(2L, await Schema.Scalar<long>(cs, "SELECT count(DISTINCT ProxyPort) FROM OrleansMembershipTable WHERE ProxyPort > 0"));

            // Placement is random: forty activations land on both silos unless one of them is unreachable.
            var grains = client.Grains();
            var hosts = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => grains.GetGrain<IAlphaGrain>($"g{i}").Silo()));
            Assert.Equal(2, hosts.Distinct().Count());
            await grains.GetGrain<IAlphaGrain>("kept").Set(11);

            // A graceful stop is a membership change too: the silo marks itself dead in the table.
            await silos[1].Halt();
            stopped = true;
            Assert.Equal($"silo-a:{Active},silo-b:{Dead}", await Schema.Scalar<string>(cs,
                "SELECT string_agg(SiloName || ':' || Status, ',' ORDER BY SiloName) FROM OrleansMembershipTable WHERE DeploymentId = 'two'"));

            // The client carries on through the silo that is left, and the state is where storage put it.
            Assert.Equal(11, await Eventually(() => grains.GetGrain<IAlphaGrain>("kept").Get()));
        }
        finally
        {
            await client.Halt();
            await silos[0].Halt();
            if (!stopped)
            {
                await silos[1].Halt();
            }
        }
    }

    /// <summary>Calls that race the client's discovery of the stopped gateway may fail; retry them for a while.</summary>
    private static async Task<T> Eventually<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception) when (attempt < 30)
            {
                await Task.Delay(500);
            }
        }
    }
}
