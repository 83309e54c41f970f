using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Villages.Abstractions;
using Villages.Abstractions.Ingest;
using Villages.Abstractions.Queries;
using Villages.Abstractions.Rollup;
using Villages.Cluster.Tests.Infrastructure;
using Villages.Grains.Journal;
using Villages.Grains.Ledger;
using Villages.Tests.Shared;

namespace Villages.Cluster.Tests.Rollup;

/// <summary>
/// No ledger sends a seller its sales: ingest activates no seller, and a seller reads what its ledger committed when it
/// is asked, counting each sale and refund once through duplicates, resent batches, a query without settling, a
/// checkpoint and a collection, a window an earlier build's ledger still sends it, and a journal read that fails; and
/// its summary promises only lines it counted.
/// </summary>
public sealed class SellersReadTheirRowsTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "villages-seller-reads-" + Guid.NewGuid().ToString("N"));
    private readonly ConcurrentDictionary<GrainId, int> _sellerReads = new();
    private readonly ConcurrentDictionary<GrainId, int> _sellerWrites = new();
    private readonly FailingSellerReads _failing = new();
    private InProcessTestCluster _cluster = null!;

    private IGrainFactory Grains => _cluster.Client;

    public async Task InitializeAsync() =>
        _cluster = await ClusterFixture.OneSilo(_data, inner => new CountingStorage(inner, "seller-figures", _sellerReads, _sellerWrites), silo =>
            silo.Services.AddSingleton(sp => _failing.Around(new SqlJournal(sp.GetRequiredService<JournalDatabase>()))));

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Ingest_activates_no_seller_and_each_seller_counts_its_lines_once_when_asked()
    {
        var world = new SalesWorld(seed: 5151, tag: "reads", sellers: 12, sales: 240);

        await Ingest.Settled(Grains, world.Sellers, world.Sales, new Random(51));
        await Ingest.Refunds(Grains, SalesWorld.Batches(world.ValidRefunds, new Random(52)));
        await Ingest.Settle(Grains);

        Assert.Empty(_sellerReads);
        foreach (var seller in world.Sellers)
        {
            var expected = world.ExpectedBook(s => s.SellerId == seller.SellerId).Lifetime.ToFigures();
            Assert.Equal(SalesWorld.View(expected), await Grains.Seller(seller.SellerId).Totals(null, null));
        }

        Assert.Equal(world.Sales.Count, (await Task.WhenAll(world.Sellers.Select(s => Grains.Seller(s.SellerId).Totals(null, null)))).Sum(f => f.Orders));
        Assert.All(world.Sellers, s => Assert.Equal(1, _sellerReads[Grains.Seller(s.SellerId).GetGrainId()]));
    }

    [Fact]
    public async Task A_seller_counts_its_acknowledged_sales_at_its_next_query_without_a_settle_and_each_once()
    {
        var seller = "asked-" + Guid.NewGuid().ToString("N");
        await Ingest.Register(Grains, [Ingest.Household(seller)]);
        Assert.Equal(0, (await Grains.Seller(seller).Totals(null, null)).Orders);

        // No settle: the ledger need not have rolled these up, but they are committed once acknowledged.
        await Ingest.Sales(Grains, [[Ingest.OneSale(seller, "1"), Ingest.OneSale(seller, "2")], [Ingest.OneSale(seller, "2")]]);
        Assert.Equal(2, (await Grains.Seller(seller).Totals(null, null)).Orders);

        await Ingest.Sales(Grains, [[Ingest.OneSale(seller, "1"), Ingest.OneSale(seller, "3")]]);
        Assert.Equal(3, (await Grains.Seller(seller).Totals(null, null)).Orders);
        Assert.Equal(3, (await Grains.Seller(seller).Summary())!.Totals.Orders);
    }

    [Fact]
    public async Task A_seller_collected_with_a_checkpoint_counts_what_came_after_it_once()
    {
        // Enough sales that the book is worth a checkpoint (256 rows), written when the seller is collected; the next
        // activation starts from it and reads only its own ledger's rows after it.
        var world = new SalesWorld(seed: 5353, tag: "checkpointed", townships: ["653130198"], sellers: 1, sales: 600);
        var seller = Grains.Seller(world.Sellers[0].SellerId);
        var half = world.Sales.Count / 2;
        await Ingest.Settled(Grains, world.Sellers, world.Sales[..half], new Random(53));
        Assert.Equal(half, (await seller.Totals(null, null)).Orders);
        await Grains.Gone(seller);
        Assert.Equal(1, _sellerWrites.GetValueOrDefault(seller.GetGrainId()));

        await Ingest.Sales(Grains, SalesWorld.Batches(world.Sales, new Random(54)));
        await Ingest.Refunds(Grains, SalesWorld.Batches(world.ValidRefunds, new Random(55)));

        var expected = world.ExpectedBook(_ => true).Lifetime.ToFigures();
        Assert.Equal(SalesWorld.View(expected), await seller.Totals(null, null));
        Assert.Equal(2, _sellerReads[seller.GetGrainId()]);
    }

    [Fact]
    public async Task A_sellers_summary_promises_as_of_its_start_only_so_a_line_acknowledged_while_it_reads_is_not_promised()
    {
        var (sellerId, seller) = await SoldOnceAndAsked("as-of");
        await Ingest.Sales(Grains, [[Ingest.OneSale(sellerId, "2")]]);

        // The summary's read of its new rows is answered only after a third sale is acknowledged and rolled up everywhere.
        var reading = _failing.HoldNext();
        var summary = seller.Summary();
        await reading.WaitAsync(TimeSpan.FromSeconds(30));
        var sentAt = DateTimeOffset.UtcNow;
        await Ingest.Sales(Grains, [[Ingest.OneSale(sellerId, "3")]]);
        await Ingest.Settle(Grains);
        _failing.Release();

        var answered = (await summary)!;
        Assert.Equal(2, answered.Totals.Orders);
        Assert.True(answered.AsOf < sentAt, $"the summary promises lines up to {answered.AsOf:O}, but lacks one acknowledged after {sentAt:O}");
        Assert.Equal(3, (await seller.Totals(null, null)).Orders);
    }

    [Fact]
    public async Task A_window_an_earlier_builds_ledger_sends_a_seller_changes_nothing_though_it_starts_past_the_sellers_first_sale()
    {
        // Taken as a region takes it, but without the positions a region reads at activation, the window of the second
        // sale alone would open a new activation at its batch, and the first sale's batch would never be read.
        var sellerId = "window-" + Guid.NewGuid().ToString("N");
        await Ingest.Register(Grains, [Ingest.Household(sellerId)]);
        await Ingest.Sales(Grains, [[Ingest.OneSale(sellerId, "1")]]);
        var first = await LedgerPositions.Last(_data, LedgerPartition.Of(sellerId));
        var sale = Ingest.OneSale(sellerId, "2");
        await Ingest.Sales(Grains, [[sale]]);
        var second = await LedgerPositions.Last(_data, LedgerPartition.Of(sellerId));
        var entries = new TargetEntries();
        entries.Add(second, RollupEntry.OfSale(sale));
        var seller = Grains.Seller(sellerId);

        await seller.Apply(entries.ToDelta(LedgerPartition.Of(sellerId), first, second));

        var totals = await seller.Totals(null, null);
        Assert.Equal(2, totals.Orders);
        Assert.Equal(2 * sale.AmountFen, totals.GrossFen);
    }

    [Fact]
    public async Task A_query_whose_journal_read_fails_fails_and_the_next_one_counts_every_line_once()
    {
        var (sellerId, seller) = await SoldOnceAndAsked("failing");
        await Ingest.Sales(Grains, [[Ingest.OneSale(sellerId, "2"), Ingest.OneSale(sellerId, "3")]]);
        await Ingest.Settle(Grains);

        // The read of the seller's new rows fails.
        _failing.FailNext();
        await Assert.ThrowsAnyAsync<Exception>(() => seller.Totals(null, null));

        Assert.Equal(3, (await seller.Totals(null, null)).Orders);
        Assert.Equal(3, (await seller.Totals(null, null)).Orders);
    }

    /// <summary>A new seller with one sale, asked once since, so that its next query reads only what comes after.</summary>
    private async Task<(string SellerId, ISellerGrain Seller)> SoldOnceAndAsked(string prefix)
    {
        var sellerId = prefix + "-" + Guid.NewGuid().ToString("N");
        await Ingest.Register(Grains, [Ingest.Household(sellerId)]);
        await Ingest.Sales(Grains, [[Ingest.OneSale(sellerId, "1")]]);
        var seller = Grains.Seller(sellerId);
        Assert.Equal(1, (await seller.Totals(null, null)).Orders);
        return (sellerId, seller);
    }

    /// <summary>
    /// Makes the next read of a seller's rows fail, as a journal that went away for a moment would, or hold its answer
    /// until released.
    /// </summary>
    private sealed class FailingSellerReads
    {
        private readonly HeldRead _held = new();
        private int _failNext;

        public void FailNext() => Volatile.Write(ref _failNext, 1);

        /// <summary>Holds the answer of the next read, read at once; the task completes when the read is done.</summary>
        public Task HoldNext() => _held.HoldNext();

        public void Release() => _held.Release();

        public IJournal Around(IJournal inner) => InterceptedJournal.Around(inner, (method, args, proceed) =>
        {
            if (method.Name == nameof(IJournal.ReadAfter) && args[0] is JournalScope.OfSeller)
            {
                if (TakeFailure())
                {
                    return Task.FromException<List<(long, RollupEntry)>>(new InvalidOperationException("the journal could not be read (test)"));
                }

                if (_held.TakeArmed() is { } held)
                {
                    return _held.WhenReleased((Task<List<(long Seq, RollupEntry Entry)>>)proceed()!, held);
                }
            }

            return proceed();
        });

        private bool TakeFailure() => Interlocked.Exchange(ref _failNext, 0) == 1;
    }
}
