using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Villages.Abstractions;
using Villages.Abstractions.Ingest;
using Villages.Cluster.Tests.Infrastructure;
using Villages.Domain.Regions;

namespace Villages.Cluster.Tests.Activation;

/// <summary>
/// Sellers and villages are collected after two idle minutes (so that a million sellers' books need not all stay in
/// memory) and come back from their checkpoint and the journal with the same figures; townships and above stay.
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
    public async Task Townships_and_above_stay_active_through_a_collection_while_villages_go()
    {
        var world = new SalesWorld(seed: 4343, tag: "stay", sellers: 3, sales: 30);
        await Ingest.Register(fixture.Grains, world.Sellers);
        await Ingest.Sales(fixture.Grains, SalesWorld.Batches(world.Sales, new Random(2)));
        await Ingest.Settle(fixture.Grains);
        var chain = RegionCode.SelfAndAncestors(world.Sellers[0].VillageCode);

        var active = await CollectUntilGone(chain[0]);

        Assert.DoesNotContain(chain[0], active);
        Assert.All(chain.Skip(1), code => Assert.Contains(code, active));
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

    [Fact]
    public async Task A_collected_village_catches_up_with_what_every_ledger_accepted_while_it_was_away()
    {
        // One village of its own, with enough sellers that their sales pass through several ledgers.
        var world = new SalesWorld(seed: 4545, tag: "away", townships: ["110105001"], sellers: 16, sales: 400);
        var village = world.Sellers[0].VillageCode;
        var inVillage = world.Sellers.Where(s => s.VillageCode == village).ToList();
        Assert.True(inVillage.Select(s => LedgerPartition.Of(s.SellerId)).Distinct().Count() > 1);
        var half = world.Sales.Count / 2;
        await Ingest.Register(fixture.Grains, world.Sellers);
        await Ingest.Sales(fixture.Grains, SalesWorld.Batches(world.Sales[..half], new Random(3)));
        await Ingest.Settle(fixture.Grains);

        Assert.DoesNotContain(village, await CollectUntilGone(village));
        await Ingest.Sales(fixture.Grains, SalesWorld.Batches(world.Sales[half..], new Random(4)));
        await Ingest.Refunds(fixture.Grains, SalesWorld.Batches(world.ValidRefunds, new Random(5)));
        await Ingest.Settle(fixture.Grains);

        var expected = SalesWorld.View(world.ExpectedBook(s => s.VillageCode == village).Lifetime.ToFigures());
        Assert.Equal(expected, await fixture.Grains.Region(village).Totals(null, null));
        Assert.Equal(inVillage.Sum(s => world.Sales.Count(x => x.SellerId == s.SellerId)), expected.Orders);
    }

    /// <summary>Forces a collection and waits (within bounds) until the grain's deactivation, which writes its checkpoint, is done.</summary>
    private async Task<HashSet<string>> CollectUntilGone(string code)
    {
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        var regionType = fixture.Grains.Region("CN").GetGrainId().Type;
        await management.ForceActivationCollection(TimeSpan.Zero);
        HashSet<string> active = [];
        for (var attempt = 0; attempt < 100; attempt++)
        {
            active = (await management.GetActiveGrains(regionType)).Select(id => id.Key.ToString()!).ToHashSet();
            if (!active.Contains(code))
            {
                break;
            }

            await Task.Delay(100);
        }

        return active;
    }
}
