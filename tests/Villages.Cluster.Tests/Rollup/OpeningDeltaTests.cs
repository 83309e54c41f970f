using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;
using Villages.Abstractions;
using Villages.Cluster.Tests.Infrastructure;
using Villages.Grains;
using Villages.Hosting;
using Villages.Hosting.Startup;

namespace Villages.Cluster.Tests.Rollup;

/// <summary>
/// A seller first met in the delta of its first sales starts from that delta alone (RollupDelta.Opening): it reads no
/// checkpoint, and still counts each sale and refund once, through duplicates, resent batches, a query that came first and
/// a deactivation after its first sales.
/// </summary>
public sealed class OpeningDeltaTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "villages-opening-" + Guid.NewGuid().ToString("N"));
    private readonly ConcurrentDictionary<GrainId, int> _sellerReads = new();
    private InProcessTestCluster _cluster = null!;

    private IGrainFactory Grains => _cluster.Client;

    public async Task InitializeAsync()
    {
        var settings = ClusterFixture.Settings(_data);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddVillages(settings);
            silo.Services.AddGrainStorage(StorageNames.Villages, (sp, _) =>
                new CountingReads(new SingleWriterGrainStorage(sp.GetRequiredKeyedService<IGrainStorage>(StorageNames.Villages + "-sqlite")), _sellerReads));
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Sellers_first_met_in_the_delta_of_their_first_sales_read_no_checkpoint_and_count_each_line_once()
    {
        var world = new SalesWorld(seed: 5151, tag: "opening", sellers: 12, sales: 240);

        await Ingest.Settled(Grains, world.Sellers, world.Sales, new Random(51));
        await Ingest.Refunds(Grains, SalesWorld.Batches(world.ValidRefunds, new Random(52)));
        await Ingest.Settle(Grains);

        foreach (var seller in world.Sellers)
        {
            var expected = world.ExpectedBook(s => s.SellerId == seller.SellerId).Lifetime.ToFigures();
            Assert.Equal(SalesWorld.View(expected), await Grains.Seller(seller.SellerId).Totals(null, null));
        }

        Assert.Equal(world.Sales.Count, (await Task.WhenAll(world.Sellers.Select(s => Grains.Seller(s.SellerId).Totals(null, null)))).Sum(f => f.Orders));
        Assert.Empty(_sellerReads);
    }

    [Fact]
    public async Task A_seller_asked_before_its_first_sale_reads_once_and_then_counts_its_first_sales_once()
    {
        var seller = "asked-first-" + Guid.NewGuid().ToString("N");
        await Ingest.Register(Grains, [Ingest.Household(seller)]);
        Assert.Equal(0, (await Grains.Seller(seller).Totals(null, null)).Orders);

        await Ingest.Sales(Grains, [[Ingest.OneSale(seller, "1"), Ingest.OneSale(seller, "2")], [Ingest.OneSale(seller, "2")]]);
        await Ingest.Settle(Grains);
        await Ingest.Sales(Grains, [[Ingest.OneSale(seller, "3")]]);
        await Ingest.Settle(Grains);

        Assert.Equal(3, (await Grains.Seller(seller).Totals(null, null)).Orders);
        Assert.Equal(1, _sellerReads.GetValueOrDefault(Grains.Seller(seller).GetGrainId()));
    }

    [Fact]
    public async Task A_seller_deactivated_after_its_first_sales_and_woken_by_its_next_ones_reads_the_first_back()
    {
        // Its first sales came in an opening delta and left no checkpoint; the ledger, still the same activation, knows
        // the seller has sold before, so the delta that wakes it is not an opening one and it reads the journal first.
        var seller = "woken-" + Guid.NewGuid().ToString("N");
        await Ingest.Register(Grains, [Ingest.Household(seller)]);
        await Ingest.Sales(Grains, [[Ingest.OneSale(seller, "1"), Ingest.OneSale(seller, "2")]]);
        await Ingest.Settle(Grains);
        var grain = Grains.Seller(seller);
        await Grains.GetGrain(grain.GetGrainId()).Cast<IGrainManagementExtension>().DeactivateOnIdle();

        await Ingest.Sales(Grains, [[Ingest.OneSale(seller, "3")]]);
        await Ingest.Settle(Grains);

        Assert.Equal(3, (await grain.Totals(null, null)).Orders);
        Assert.Equal(1, _sellerReads.GetValueOrDefault(grain.GetGrainId()));
    }

    /// <summary>Counts the sellers' checkpoint reads, by seller.</summary>
    private sealed class CountingReads(IGrainStorage inner, ConcurrentDictionary<GrainId, int> sellerReads) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            if (stateName == "seller-figures")
            {
                sellerReads.AddOrUpdate(grainId, 1, (_, n) => n + 1);
            }

            return inner.ReadStateAsync(stateName, grainId, grainState);
        }

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            inner.WriteStateAsync(stateName, grainId, grainState);

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            inner.ClearStateAsync(stateName, grainId, grainState);
    }
}
