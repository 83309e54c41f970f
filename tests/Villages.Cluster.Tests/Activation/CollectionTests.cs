using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Villages.Abstractions;
using Villages.Abstractions.Ingest;
using Villages.Cluster.Tests.Infrastructure;
using Villages.Domain.Regions;

namespace Villages.Cluster.Tests.Activation;

/// <summary>
/// Sellers and villages are collected after two idle minutes (so that a million sellers' books need not all stay in
/// memory) and come back from their checkpoint and the journal with the same figures; townships and above stay. A book
/// too small to be worth a checkpoint writes none and comes back from the journal alone.
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
        await Ingest.Settled(fixture.Grains, world.Sellers, world.Sales, new Random(2));
        var chain = RegionCode.SelfAndAncestors(world.Sellers[0].VillageCode).Select(fixture.Grains.Region).ToList();
        // Ingest activates no village; a query does.
        await chain[0].Totals(null, null);
        Assert.Contains(chain[0].GetGrainId(), await fixture.Grains.GetGrain<IManagementGrain>(0).GetActiveGrains(chain[0].GetGrainId().Type));

        var active = await fixture.CollectUntilGone(chain[0]);

        Assert.DoesNotContain(chain[0].GetGrainId(), active);
        Assert.All(chain.Skip(1), region => Assert.Contains(region.GetGrainId(), active));
    }

    [Fact]
    public async Task A_collected_seller_comes_back_with_the_same_figures_and_only_a_book_worth_it_leaves_a_checkpoint()
    {
        var small = new SalesWorld(seed: 4242, tag: "collected", sellers: 6, sales: 120);
        var big = new SalesWorld(seed: 4244, tag: "collected-big", sellers: 1, sales: 300);
        List<Abstractions.Registry.SellerProfile> sellers = [.. small.Sellers, .. big.Sellers];
        await Ingest.Settled(fixture.Grains, sellers, [.. small.Sales, .. big.Sales], new Random(1));
        var before = new Dictionary<string, Abstractions.Queries.FiguresView>();
        foreach (var s in sellers)
        {
            before[s.SellerId] = await fixture.Grains.Seller(s.SellerId).Totals(null, null);
        }

        // Every idle activation goes, as the two-minute limit would take the sellers; they come back on the query.
        var bigSeller = fixture.Grains.Seller(big.Sellers[0].SellerId);
        Assert.DoesNotContain(bigSeller.GetGrainId(), await fixture.CollectUntilGone(bigSeller));

        Assert.Equal(1, await StoredCheckpoints(bigSeller));
        foreach (var s in small.Sellers)
        {
            Assert.InRange(before[s.SellerId].Orders, 1, 255);
            Assert.Equal(0, await StoredCheckpoints(fixture.Grains.Seller(s.SellerId)));
        }

        foreach (var s in sellers)
        {
            Assert.Equal(before[s.SellerId], await fixture.Grains.Seller(s.SellerId).Totals(null, null));
        }

        Assert.Equal(small.Sales.Count + big.Sales.Count, before.Values.Sum(f => f.Orders));
    }

    [Fact]
    public async Task A_collected_seller_with_a_bucketed_book_comes_back_from_its_checkpoint_with_the_same_figures()
    {
        // Past 4,096 movements a book is bucketed, and its checkpoint is written out on another thread.
        var world = new SalesWorld(seed: 4246, tag: "collected-bucketed", sellers: 1, sales: 5_000);
        await Ingest.Settled(fixture.Grains, world.Sellers, world.Sales, new Random(5));
        var seller = fixture.Grains.Seller(world.Sellers[0].SellerId);
        var days = new Abstractions.Queries.SeriesRequest(new DateTime(2016, 1, 1), new DateTime(2019, 1, 1), (byte)Domain.Time.Interval.Day, null, null, null);
        var totals = await seller.Totals(null, null);
        var series = await seller.Series(days);

        Assert.DoesNotContain(seller.GetGrainId(), await fixture.CollectUntilGone(seller));

        Assert.Equal(1, await StoredCheckpoints(seller));
        Assert.Equal(world.Sales.Count, totals.Orders);
        Assert.Equal(totals, await seller.Totals(null, null));
        Assert.Equal(series, await seller.Series(days));
    }

    [Fact]
    public async Task A_collected_village_catches_up_with_what_every_ledger_accepted_while_it_was_away()
    {
        // A township of its own, with enough sellers that their sales pass through several ledgers, and enough sales
        // that each village's book is worth a checkpoint before it goes (256 entries).
        var world = new SalesWorld(seed: 4545, tag: "away", townships: ["110105001"], sellers: 16, sales: 2_400);
        var village = world.Sellers[0].VillageCode;
        var inVillage = world.Sellers.Where(s => s.VillageCode == village).ToList();
        Assert.True(inVillage.Select(s => LedgerPartition.Of(s.SellerId)).Distinct().Count() > 1);
        var half = world.Sales.Count / 2;
        await Ingest.Settled(fixture.Grains, world.Sellers, world.Sales[..half], new Random(3));

        // Asked once, the village has read its rows, so all of them count towards its checkpoint.
        Assert.Equal(inVillage.Sum(s => world.Sales[..half].Count(x => x.SellerId == s.SellerId)), (await fixture.Grains.Region(village).Totals(null, null)).Orders);
        Assert.DoesNotContain(fixture.Grains.Region(village).GetGrainId(), await fixture.CollectUntilGone(fixture.Grains.Region(village)));
        Assert.Equal(1, await StoredCheckpoints(fixture.Grains.Region(village)));
        await Ingest.Sales(fixture.Grains, SalesWorld.Batches(world.Sales[half..], new Random(4)));
        await Ingest.Refunds(fixture.Grains, SalesWorld.Batches(world.ValidRefunds, new Random(5)));
        await Ingest.Settle(fixture.Grains);

        var expected = SalesWorld.View(world.ExpectedBook(s => s.VillageCode == village).Lifetime.ToFigures());
        Assert.Equal(expected, await fixture.Grains.Region(village).Totals(null, null));
        Assert.Equal(inVillage.Sum(s => world.Sales.Count(x => x.SellerId == s.SellerId)), expected.Orders);
    }

    /// <summary>
    /// Rows of grain state stored for the grain: its checkpoint, if it wrote one. Orleans' ADO.NET provider keeps a key
    /// that reads as a (hexadecimal) integer, as every division code does, in GrainIdN1, and any other in the string column.
    /// </summary>
    private async Task<long> StoredCheckpoints(IAddressable grain)
    {
        var id = grain.GetGrainId();
        await using var c = new SqliteConnection($"Data Source={Path.Combine(fixture.DataFolder, "grains.db")};Mode=ReadOnly");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        if (id.TryGetIntegerKey(out var number, out var extension))
        {
            cmd.CommandText = "SELECT COUNT(*) FROM OrleansStorage WHERE GrainIdN1 = $n AND GrainIdExtensionString = $key";
            cmd.Parameters.AddWithValue("$n", number);
            cmd.Parameters.AddWithValue("$key", extension ?? "");
        }
        else
        {
            cmd.CommandText = "SELECT COUNT(*) FROM OrleansStorage WHERE GrainIdExtensionString = $key";
            cmd.Parameters.AddWithValue("$key", id.Key.ToString());
        }

        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
