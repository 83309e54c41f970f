using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Villages.Abstractions;
using Villages.Cluster.Tests.Infrastructure;

namespace Villages.Cluster.Tests.Activation;

/// <summary>
/// Sellers are collected after two idle minutes (so that a million sellers' books need not all stay in memory) and come
/// back from their checkpoint and the journal with the same figures; regions keep Orleans' default.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SellerCollectionTests(ClusterFixture fixture)
{
    [Fact]
    public void Sellers_are_collected_after_two_idle_minutes_and_regions_after_the_default()
    {
        var properties = fixture.Cluster.Client.ServiceProvider.GetRequiredService<GrainPropertiesResolver>();

        string? IdlePeriod(IAddressable grain) =>
            properties.GetGrainProperties(grain.GetGrainId().Type).Properties
                .GetValueOrDefault(WellKnownGrainTypeProperties.IdleDeactivationPeriod);

        Assert.Equal(TimeSpan.FromMinutes(2), TimeSpan.Parse(IdlePeriod(fixture.Grains.Seller("any"))!));
        Assert.Null(IdlePeriod(fixture.Grains.Region("CN")));
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
