using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Villages.Abstractions;
using Villages.Cluster.Tests.Infrastructure;
using Villages.Domain.Regions;

namespace Villages.Cluster.Tests.Activation;

/// <summary>
/// Sellers, villages and townships are collected after two idle minutes (so that a million sellers' books need not all
/// stay in memory) and come back from their checkpoint and the journal with the same figures; counties and above stay.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CollectionTests(ClusterFixture fixture)
{
    [Fact]
    public void Sellers_and_regions_are_collected_after_two_idle_minutes()
    {
        var properties = fixture.Cluster.Client.ServiceProvider.GetRequiredService<GrainPropertiesResolver>();

        string? IdlePeriod(IAddressable grain) =>
            properties.GetGrainProperties(grain.GetGrainId().Type).Properties
                .GetValueOrDefault(WellKnownGrainTypeProperties.IdleDeactivationPeriod);

        Assert.Equal(TimeSpan.FromMinutes(2), TimeSpan.Parse(IdlePeriod(fixture.Grains.Seller("any"))!));
        Assert.Equal(TimeSpan.FromMinutes(2), TimeSpan.Parse(IdlePeriod(fixture.Grains.Region("CN"))!));
    }

    [Fact]
    public async Task Counties_and_above_stay_active_through_a_collection_while_villages_and_townships_go()
    {
        var world = new SalesWorld(seed: 4343, tag: "stay", sellers: 3, sales: 30);
        await Ingest.Register(fixture.Grains, world.Sellers);
        await Ingest.Sales(fixture.Grains, SalesWorld.Batches(world.Sales, new Random(2)));
        await Ingest.Settle(fixture.Grains);
        var chain = RegionCode.SelfAndAncestors(world.Sellers[0].VillageCode);
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        var regionType = fixture.Grains.Region("CN").GetGrainId().Type;

        await management.ForceActivationCollection(TimeSpan.Zero);

        // Deactivation finishes after the call returns (each writes its checkpoint); wait for it, within bounds.
        HashSet<string> active = [];
        for (var attempt = 0; attempt < 100; attempt++)
        {
            active = (await management.GetActiveGrains(regionType)).Select(id => id.Key.ToString()!).ToHashSet();
            if (!active.Contains(chain[0]) && !active.Contains(chain[1]))
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.DoesNotContain(chain[0], active);
        Assert.DoesNotContain(chain[1], active);
        Assert.All(chain.Skip(2), code => Assert.Contains(code, active));
    }

    [Fact]
    public async Task A_collected_seller_comes_back_with_the_same_figures()
    {
        var world = new SalesWorld(seed: 4242, tag: "collected", sellers: 6, sales: 120);
        await Ingest.Register(fixture.Grains, world.Sellers);
        await Ingest.Sales(fixture.Grains, SalesWorld.Batches(world.Sales, new Random(1)));
        await Ingest.Settle(fixture.Grains);
        var before = new Dictionary<string, Abstractions.Queries.FiguresView>();
        foreach (var s in world.Sellers)
        {
            before[s.SellerId] = await fixture.Grains.Seller(s.SellerId).Totals(null, null);
        }

        // Every idle activation goes, as the two-minute limit would take the sellers; they come back on the query.
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        foreach (var s in world.Sellers)
        {
            Assert.Equal(before[s.SellerId], await fixture.Grains.Seller(s.SellerId).Totals(null, null));
        }

        Assert.Equal(world.Sales.Count, before.Values.Sum(f => f.Orders));
    }
}
