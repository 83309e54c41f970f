using Villages.Abstractions;
using Villages.Cluster.Tests.Infrastructure;
using Villages.Domain.Regions;

namespace Villages.Cluster.Tests.Rollup;

/// <summary>
/// Invariant 1: a silo dies in the middle of ingest, the client retries what was not acknowledged (as a platform
/// would), and once things are quiet every acknowledged line is counted exactly once at every level.
/// </summary>
public sealed class SiloLossTests : IAsyncLifetime
{
    private readonly ClusterFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task A_silo_killed_mid_ingest_loses_no_acknowledged_line_and_counts_none_twice()
    {
        var grains = _fixture.Grains;
        var world = new SalesWorld(seed: 42, tag: "loss", sales: 1500);
        var rng = new Random(42);
        await Ingest.Register(grains, world.Sellers);
        var batches = SalesWorld.Batches(world.Sales, rng);

        var killed = false;
        for (var i = 0; i < batches.Count; i++)
        {
            if (!killed && i == batches.Count / 2)
            {
                // Don't wait: lines in flight to the dying silo fail and are retried below.
                _ = _fixture.Cluster.KillSiloAsync(_fixture.Cluster.Silos[1]);
                killed = true;
            }

            await Retry(() => Ingest.Sales(grains, [batches[i]]));
        }

        await Retry(() => Ingest.Settle(grains));
        var expected = world.ExpectedBook(_ => true).Lifetime.Tally;
        var nation = await grains.Region(RegionCode.Nation).Totals(null, null);
        Assert.Equal((expected.Gross, expected.Orders, expected.Items), (nation.GrossFen, nation.Orders, nation.Items));
        foreach (var seller in world.Sellers)
        {
            var want = world.ExpectedBook(s => s.SellerId == seller.SellerId).Lifetime.Tally;
            var got = await grains.Seller(seller.SellerId).Totals(null, null);
            Assert.Equal((want.Gross, want.Orders), (got.GrossFen, got.Orders));
        }

        foreach (var code in world.Regions)
        {
            var want = world.ExpectedBook(s => RegionCode.Contains(code, s.VillageCode)).Lifetime.Tally;
            var got = await grains.Region(code).Totals(null, null);
            Assert.Equal((code, want.Gross, want.Orders), (code, got.GrossFen, got.Orders));
        }
    }

    private static async Task Retry(Func<Task> send)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await send();
                return;
            }
            catch (Exception) when (attempt < 30)
            {
                await Task.Delay(500);
            }
        }
    }
}
