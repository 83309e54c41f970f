using System.Collections.Concurrent;
using Orleans.Core.Internal;
using Orleans.Storage;
using Orleans.TestingHost;
using Villages.Abstractions;
using Villages.Abstractions.Ingest;
using Villages.Abstractions.Queries;
using Villages.Abstractions.Rollup;
using Villages.Cluster.Tests.Infrastructure;
using Villages.Domain.Hashing;
using Villages.Domain.Time;
using Villages.Grains.Ledger;
using Villages.Tests.Shared;

namespace Villages.Cluster.Tests.Rollup;

/// <summary>
/// A seller first met in the delta of its first sales starts from that delta alone (RollupDelta.Opening): it reads no
/// checkpoint, and still counts each sale and refund once, through duplicates, resent batches, a query that came first,
/// a deactivation after its first sales, and an opening delta that comes late from a replaced activation of its ledger.
/// </summary>
public sealed class OpeningDeltaTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "villages-opening-" + Guid.NewGuid().ToString("N"));
    private readonly ConcurrentDictionary<GrainId, int> _sellerReads = new();
    private readonly HeldApply _held = new();
    private InProcessTestCluster _cluster = null!;

    private IGrainFactory Grains => _cluster.Client;

    public async Task InitializeAsync() =>
        _cluster = await ClusterFixture.OneSilo(_data, inner => new CountingReads(inner, _sellerReads), silo => silo.AddIncomingGrainCallFilter(_held));

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

    [Fact]
    public async Task A_window_retried_after_the_seller_applied_it_and_went_opens_the_next_activation_with_every_row()
    {
        // The first attempt reaches the seller, which applies it, while its village's delta is held and then refused;
        // the seller is deactivated meanwhile (no checkpoint); the retry, from the same start, opens its next activation.
        var sellerId = "retried-" + Guid.NewGuid().ToString("N");
        var household = Ingest.Household(sellerId);
        await Ingest.Register(Grains, [household]);
        var seller = Grains.Seller(sellerId);
        _held.Arm(household.VillageCode, seller.GetGrainId());

        await Ingest.Sales(Grains, [[Ingest.OneSale(sellerId, "1"), Ingest.OneSale(sellerId, "2")]]);
        await Task.WhenAll(_held.VillageEntered, _held.SellerApplied).WaitAsync(TimeSpan.FromSeconds(30));
        await Grains.GetGrain(seller.GetGrainId()).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        _held.Refuse();
        await Ingest.Settle(Grains);

        Assert.Equal(2, (await seller.Totals(null, null)).Orders);
        Assert.Equal(2, (await Grains.Region(household.VillageCode).Totals(null, null)).Orders);
        Assert.Empty(_sellerReads);
        Assert.True(_held.SellerApplies >= 2, "the retry never reached the seller");
    }

    [Fact]
    public async Task A_late_opening_delta_from_a_replaced_ledger_activation_is_caught_up_before_a_query()
    {
        var (seller, sales) = await SoldThenGone(2);

        await seller.Apply(Window(seller, sales[..1], Guid.NewGuid(), opening: true));

        Assert.Equal(2, (await seller.Totals(null, null)).Orders);
    }

    [Fact]
    public async Task A_late_opening_delta_from_a_replaced_ledger_activation_is_caught_up_before_the_next_window()
    {
        var (seller, _) = await SoldThenGone(2, lateOpening: 1);

        // The ledger's own activation sends its next window, which starts after the second sale's batch.
        await Ingest.Sales(Grains, [[Ingest.OneSale(SellerIdOf(seller), "next")]]);
        await Ingest.Settle(Grains);

        Assert.Equal(3, (await seller.Totals(null, null)).Orders);
    }

    [Fact]
    public async Task Late_windows_from_a_replaced_ledger_activation_in_order_are_still_caught_up_when_another_sender_follows()
    {
        // The replaced activation sends its opening window and then its next, in order: the seller takes both as they
        // come, and the window of the ledger's current activation that follows, past the third sale's batch, makes it
        // read that batch from the journal first.
        var (seller, sales) = await SoldThenGone(3);
        var replaced = Guid.NewGuid();
        await seller.Apply(Window(seller, sales[..1], replaced, opening: true));
        await seller.Apply(Window(seller, sales[1..2], replaced));

        await Ingest.Sales(Grains, [[Ingest.OneSale(SellerIdOf(seller), "next")]]);
        await Ingest.Settle(Grains);

        Assert.Equal(4, (await seller.Totals(null, null)).Orders);
    }

    [Fact]
    public async Task A_late_window_from_a_third_ledger_activation_leaves_a_gap_that_is_caught_up_to_the_journals_end()
    {
        // The seller's four sales reached its earlier activation; a replaced ledger activation's late opening window
        // (the first sale) and another's late window (the third) then reach the new one. Reading only the gap before the
        // third would leave the fourth out, and the current activation's next window would pass over it.
        var (seller, sales) = await SoldThenGone(4);
        await seller.Apply(Window(seller, sales[..1], Guid.NewGuid(), opening: true));
        await seller.Apply(Window(seller, sales[2..3], Guid.NewGuid()));

        await Ingest.Sales(Grains, [[Ingest.OneSale(SellerIdOf(seller), "next")]]);
        await Ingest.Settle(Grains);

        Assert.Equal(5, (await seller.Totals(null, null)).Orders);
    }

    /// <summary>
    /// A seller that sold <paramref name="count"/> times, each sale its ledger's next batch and delivered; then its
    /// activation is gone, with no checkpoint. A replaced activation of the ledger could still hold its first windows.
    /// </summary>
    private async Task<(ISellerGrain Seller, List<(SaleEntry Sale, long Batch)> Sales)> SoldThenGone(int count, int lateOpening = 0)
    {
        var sellerId = "late-" + Guid.NewGuid().ToString("N");
        await Ingest.Register(Grains, [Ingest.Household(sellerId)]);
        var sales = new List<(SaleEntry, long)>();
        for (var i = 1; i <= count; i++)
        {
            var sale = Ingest.OneSale(sellerId, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Ingest.Sales(Grains, [[sale]]);
            await Ingest.Settle(Grains);
            sales.Add((sale, await LedgerPositions.Last(_data, LedgerPartition.Of(sellerId))));
        }

        var seller = Grains.Seller(sellerId);
        Assert.Equal(count, (await seller.Totals(null, null)).Orders);
        await Gone(seller);
        if (lateOpening > 0)
        {
            await seller.Apply(Window(seller, sales[..lateOpening], Guid.NewGuid(), opening: true));
        }

        return (seller, sales);
    }

    /// <summary>Deactivates the grain and waits until its activation is gone, so the next call meets a new one.</summary>
    private async Task Gone(IAddressable grain)
    {
        var id = grain.GetGrainId();
        await Grains.GetGrain(id).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var management = Grains.GetGrain<IManagementGrain>(0);
        for (var attempt = 0; attempt < 100 && (await management.GetActiveGrains(id.Type)).Contains(id); attempt++)
        {
            await Task.Delay(100);
        }

        Assert.DoesNotContain(id, await management.GetActiveGrains(id.Type));
    }

    /// <summary>The seller's window of these sales' batches, as a ledger activation would send it.</summary>
    private static RollupDelta Window(ISellerGrain seller, List<(SaleEntry Sale, long Batch)> sales, Guid sender, bool opening = false)
    {
        var entries = new TargetEntries();
        foreach (var (s, batch) in sales)
        {
            entries.Add(batch, new RollupEntry(1, Cst.HourOf(s.Time), s.Platform, s.Category, s.Product, s.AmountFen, s.Quantity, s.WeightGrams, CustomerHash.Of(s.Customer)));
        }

        return entries.ToDelta(LedgerPartition.Of(SellerIdOf(seller)), sales[0].Batch - 1, sales[^1].Batch, sender, opening);
    }

    private static string SellerIdOf(ISellerGrain seller) => Scopes.SellerIdOf(seller.GetPrimaryKeyString());

    /// <summary>
    /// Holds the first delta to one village until told to refuse it (so the ledger's window fails and is retried), and
    /// tells when a delta to one seller was applied.
    /// </summary>
    private sealed class HeldApply : IIncomingGrainCallFilter
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _refuse = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _sellerApplied = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private string? _village;
        private GrainId? _seller;
        private int _sellerApplies;

        public Task VillageEntered => _entered.Task;

        public Task SellerApplied => _sellerApplied.Task;

        public int SellerApplies => Volatile.Read(ref _sellerApplies);

        public void Arm(string village, GrainId seller) => (_village, _seller) = (village, seller);

        public void Refuse() => _refuse.TrySetResult();

        public async Task Invoke(IIncomingGrainCallContext context)
        {
            if (context.Request.GetMethodName() != nameof(IRollupTarget.Apply))
            {
                await context.Invoke();
                return;
            }

            if (_village is { } village && context.TargetId.Key.ToString() == village && Interlocked.CompareExchange(ref _village, null, village) == village)
            {
                _entered.TrySetResult();
                await _refuse.Task;
                throw new InvalidOperationException("the village's first delta is refused (test)");
            }

            await context.Invoke();
            if (context.TargetId == _seller)
            {
                Interlocked.Increment(ref _sellerApplies);
                _sellerApplied.TrySetResult();
            }
        }
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
