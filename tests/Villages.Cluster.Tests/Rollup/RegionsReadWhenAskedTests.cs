using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Villages.Abstractions;
using Villages.Abstractions.Ingest;
using Villages.Abstractions.Queries;
using Villages.Abstractions.Registry;
using Villages.Abstractions.Rollup;
using Villages.Cluster.Tests.Infrastructure;
using Villages.Domain.Regions;
using Villages.Grains.Journal;
using Villages.Grains.Ledger;
using Villages.Tests.Shared;

namespace Villages.Cluster.Tests.Rollup;

/// <summary>
/// A township met in ingest reads the ledgers' positions at activation and none of its rows until it is first asked or
/// checkpointed; then it reads, once, its rows below those positions that its checkpoint lacks (an earlier activation
/// may have taken them and gone without a checkpoint), while deltas bring every row above them. A county and above read
/// those rows at activation. A village takes no deltas: ingest does not activate it, and it reads its rows at its queries.
/// </summary>
public sealed class RegionsReadWhenAskedTests : IAsyncLifetime
{
    private const string Township = "653130198";
    private const string County = "653130";
    private const long FarAhead = 1_000_000_000;

    private readonly string _data = Path.Combine(Path.GetTempPath(), "villages-region-reads-" + Guid.NewGuid().ToString("N"));
    private readonly ConcurrentDictionary<string, int> _regionReads = new();
    private readonly ConcurrentDictionary<string, int> _villageReads = new();
    private readonly ConcurrentDictionary<GrainId, int> _regionWrites = new();
    private readonly RegionReads _reads;
    private InProcessTestCluster _cluster = null!;

    public RegionsReadWhenAskedTests() => _reads = new RegionReads(_regionReads, _villageReads);

    private IGrainFactory Grains => _cluster.Client;

    public async Task InitializeAsync() =>
        _cluster = await ClusterFixture.OneSilo(_data, inner => new CountingStorage(inner, "region-figures", new(), _regionWrites), silo =>
            silo.Services.AddSingleton(sp => _reads.Around(new SqlJournal(sp.GetRequiredService<JournalDatabase>()))));

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Ingest_reads_no_villages_or_townships_rows_and_each_region_above_a_village_reads_once_and_counts_every_line_once()
    {
        var world = new SalesWorld(seed: 6161, tag: "region-reads", townships: [Township], sellers: 8, sales: 300);

        await Ingest.Settled(Grains, world.Sellers, world.Sales, new Random(61));
        await Ingest.Refunds(Grains, SalesWorld.Batches(world.ValidRefunds, new Random(62)));
        await Ingest.Settle(Grains);

        // A county and above read theirs at activation: deferred, the nation's read would be the whole journal.
        var villages = world.Regions.Where(RegionCode.IsVillage).ToList();
        var townships = world.Regions.Where(c => RegionCode.LevelOf(c) is Level.Township).ToList();
        Assert.NotEmpty(villages);
        Assert.NotEmpty(townships);
        Assert.Empty(_villageReads);
        var active = await Grains.GetGrain<IManagementGrain>(0).GetActiveGrains(Grains.Region(villages[0]).GetGrainId().Type);
        Assert.DoesNotContain(active, id => villages.Contains(id.Key.ToString()));
        Assert.All(villages.Concat(townships), code => Assert.False(_regionReads.ContainsKey(code), $"{code} read its rows before it was asked"));
        Assert.All(world.Regions.Except(villages).Except(townships), code => Assert.Equal(1, _regionReads.GetValueOrDefault(code)));
        foreach (var code in world.Regions)
        {
            var expected = world.ExpectedBook(s => RegionCode.SelfAndAncestors(s.VillageCode).Contains(code)).Lifetime.ToFigures();
            Assert.Equal(SalesWorld.View(expected), await Grains.Region(code).Totals(null, null));
            Assert.Equal(SalesWorld.View(expected), await Grains.Region(code).Totals(null, null));
            if (RegionCode.IsVillage(code))
            {
                // A village reads what came since its last look at every query: nothing, the second time.
                Assert.False(_regionReads.ContainsKey(code));
                Assert.Equal(2, _villageReads[code]);
            }
            else
            {
                Assert.Equal(1, _regionReads[code]);
            }
        }
    }

    [Fact]
    public async Task A_village_counts_at_its_query_every_line_acknowledged_before_it_and_drops_windows()
    {
        var village = Township + "206";
        var (first, second) = await TwoSellersOnTwoLedgers(village);
        var region = Grains.Region(village);

        // No settle: the village reads the journal, not what the roll-up brought.
        await Ingest.Sales(Grains, [[Ingest.OneSale(first, "1"), Ingest.OneSale(second, "1")]]);
        Assert.Equal(2, (await region.Totals(null, null)).Orders);
        await Ingest.Sales(Grains, [[Ingest.OneSale(second, "2"), Ingest.OneSale(second, "1")]]);
        Assert.Equal(3, (await region.SummaryOver(null, null)).Totals.Orders);

        // A window from a ledger of an earlier build, past everything: the village's rows are the journal's alone.
        await region.Apply(Window(LedgerPartition.Of(first), FarAhead, Entry(999_999)));
        await Ingest.Sales(Grains, [[Ingest.OneSale(first, "2")]]);
        var totals = await region.Totals(null, null);
        Assert.Equal(4, totals.Orders);
        Assert.Equal(4 * 1_000, totals.GrossFen);
    }

    [Fact]
    public async Task A_villages_summary_promises_as_of_its_start_only_so_a_line_acknowledged_while_it_reads_is_not_promised()
    {
        var village = Township + "208";
        var (seller, _) = await TwoSellersOnTwoLedgers(village);
        var region = Grains.Region(village);
        await Ingest.Sales(Grains, [[Ingest.OneSale(seller, "1")]]);
        Assert.Equal(1, (await region.Totals(null, null)).Orders);
        await Ingest.Sales(Grains, [[Ingest.OneSale(seller, "2")]]);

        // The summary's read of its new rows is answered only after a third sale is acknowledged and rolled up everywhere.
        var reading = _reads.HoldNextVillageRead();
        var summary = region.Summary();
        DateTimeOffset sentAt;
        try
        {
            await reading.WaitAsync(TimeSpan.FromSeconds(30));
            sentAt = DateTimeOffset.UtcNow;
            await Ingest.Sales(Grains, [[Ingest.OneSale(seller, "3")]]);
            await Ingest.Settle(Grains);
        }
        finally
        {
            _reads.Release();
        }

        var answered = (await summary)!;
        Assert.Equal(2, answered.Totals.Orders);
        Assert.True(answered.AsOf < sentAt, $"the summary promises lines up to {answered.AsOf:O}, but lacks one acknowledged after {sentAt:O}");
        Assert.Equal(3, (await region.Totals(null, null)).Orders);
    }

    [Fact]
    public async Task A_village_whose_sellers_share_a_ledger_moves_its_position_to_the_last_batch_it_read_not_the_last_row()
    {
        // The journal gives a village's rows seller by seller: here the first seller's rows in a later batch than the
        // second's, in both reads (the first reads everything, in seller order; the second what came after the first,
        // in the order the sellers registered, which is the same here).
        var village = Township + "207";
        var late = village + "-a-" + Guid.NewGuid().ToString("N");
        var early = Enumerable.Range(0, 1_000).Select(i => village + "-b-" + i + "-" + Guid.NewGuid().ToString("N"))
            .First(id => LedgerPartition.Of(id) == LedgerPartition.Of(late));
        Assert.True(string.CompareOrdinal(late, early) < 0);
        await Ingest.Register(Grains, [Household(late, village), Household(early, village)]);
        var region = Grains.Region(village);

        await Ingest.Sales(Grains, [[Ingest.OneSale(early, "1")]]);
        await Ingest.Sales(Grains, [[Ingest.OneSale(late, "1")]]);
        Assert.Equal(2, (await region.Totals(null, null)).Orders);
        await Ingest.Sales(Grains, [[Ingest.OneSale(early, "2")]]);
        await Ingest.Sales(Grains, [[Ingest.OneSale(late, "2")]]);
        Assert.Equal(4, (await region.Totals(null, null)).Orders);
        Assert.Equal(4, (await region.Totals(null, null)).Orders);
    }

    [Fact]
    public async Task A_township_collected_without_a_checkpoint_counts_the_rows_its_new_deltas_do_not_bring_once()
    {
        var (region, first, second) = await TownshipOfTwoSellers("191");

        // Rolled up to an activation that is then collected with too little to be worth a checkpoint.
        await Ingest.Sales(Grains, [[Ingest.OneSale(first, "1"), Ingest.OneSale(first, "2")]]);
        await Ingest.Settle(Grains);
        await Grains.Gone(region);
        Assert.Equal(0, _regionWrites.GetValueOrDefault(region.GetGrainId()));

        // The next activation's first delta from the first seller's ledger starts past those two sales; the second
        // seller's ledger never sent it anything before.
        await Ingest.Sales(Grains, [[Ingest.OneSale(first, "3"), Ingest.OneSale(second, "1")]]);
        await Ingest.Settle(Grains);
        Assert.Equal(4, (await Grains.Region(County).Children(null, null)).Single(c => c.Id == region.GetPrimaryKeyString()).Totals.Orders);
        Assert.Equal(4, (await region.Totals(null, null)).Orders);
        Assert.Equal(4, (await region.Totals(null, null)).Orders);

        await Ingest.Sales(Grains, [[Ingest.OneSale(second, "2")]]);
        await Ingest.Settle(Grains);
        Assert.Equal(5, (await region.Totals(null, null)).Orders);
        Assert.Equal(5, (await region.SummaryOver(null, null)).Totals.Orders);
    }

    [Fact]
    public async Task A_checkpoint_written_before_any_query_holds_the_rows_no_delta_brought()
    {
        var (region, seller, other) = await TownshipOfTwoSellers("192");
        await Ingest.Sales(Grains, [Enumerable.Range(0, 5).Select(i => Ingest.OneSale(seller, "early-" + i)).ToList()]);
        await Ingest.Settle(Grains);
        await Grains.Gone(region);

        // Each next activation comes with a sale below the positions it reads (so the journal gives it), then takes 300
        // more by delta, which make it worth a checkpoint, written at the collection: its `applied` claims the sales no
        // delta brought it. The first has no checkpoint to start from; the second starts from the first's.
        await Ingest.Sales(Grains, [[Ingest.OneSale(seller, "activating")]]);
        await Ingest.Settle(Grains);
        await Ingest.Sales(Grains, [Enumerable.Range(0, 300).Select(i => Ingest.OneSale(seller, "late-" + i)).ToList()]);
        await Ingest.Settle(Grains);
        await Grains.Gone(region);
        Assert.Equal(1, _regionWrites[region.GetGrainId()]);

        await Ingest.Sales(Grains, [[Ingest.OneSale(other, "activating")]]);
        await Ingest.Settle(Grains);
        await Ingest.Sales(Grains, [Enumerable.Range(0, 300).Select(i => Ingest.OneSale(seller, "later-" + i)).ToList()]);
        await Ingest.Settle(Grains);
        await Grains.Gone(region);
        Assert.Equal(2, _regionWrites[region.GetGrainId()]);

        // The next starts from the second checkpoint and takes a sale by delta before its read, which must not read it too.
        await Ingest.Sales(Grains, [[Ingest.OneSale(other, "last")]]);
        await Ingest.Settle(Grains);
        await Ingest.Sales(Grains, [[Ingest.OneSale(seller, "last")]]);
        await Ingest.Settle(Grains);
        Assert.Equal(5 + 1 + 300 + 1 + 300 + 1 + 1, (await region.Totals(null, null)).Orders);
    }

    [Fact]
    public async Task A_new_activation_given_an_old_window_and_then_one_far_ahead_reads_the_rows_between()
    {
        // A checkpoint at batch `a` of the seller's ledger (the township asked, then collected), then a sale in a later
        // batch rolled up to an activation that is collected without a checkpoint. The next activation meets an old window
        // again (dropped: it has it), then a window far ahead: the sale's batch lies between, and only the journal holds it.
        var (region, seller, _) = await TownshipOfTwoSellers("193");
        var ledger = LedgerPartition.Of(seller);
        await Ingest.Sales(Grains, [Enumerable.Range(0, 300).Select(i => Ingest.OneSale(seller, "checkpointed-" + i)).ToList()]);
        await Ingest.Settle(Grains);
        Assert.Equal(300, (await region.Totals(null, null)).Orders);
        await Grains.Gone(region);
        var checkpointed = await LedgerPositions.Last(_data, ledger);
        await Ingest.Sales(Grains, [[Ingest.OneSale(seller, "between")]]);
        await Ingest.Settle(Grains);
        await Grains.Gone(region);
        Assert.Equal(1, _regionWrites[region.GetGrainId()]);

        var entry = RollupEntry.OfSale(Ingest.OneSale(seller, "far-ahead"));
        await region.Apply(Window(ledger, checkpointed, entry));
        await region.Apply(Window(ledger, FarAhead + 1, entry));

        Assert.Equal(302, (await region.Totals(null, null)).Orders);
    }

    [Fact]
    public async Task A_window_older_than_the_activation_that_reaches_it_first_changes_nothing()
    {
        // A late copy of a window the township's earlier activation had, or one from a ledger's replaced activation: it
        // reaches the new activation before anything else from its ledger. The journal already held its batch when the
        // activation read the positions, so the journal's rows count, not the window's, and a window after it starts
        // no gap.
        var (region, seller, _) = await TownshipOfTwoSellers("195");
        var ledger = LedgerPartition.Of(seller);
        await Ingest.Sales(Grains, [[Ingest.OneSale(seller, "1")]]);
        await Ingest.Sales(Grains, [[Ingest.OneSale(seller, "2")]]);
        await Ingest.Settle(Grains);
        await Grains.Gone(region);
        var last = await LedgerPositions.Last(_data, ledger);

        await region.Apply(Window(ledger, last - 1, Entry(999_999)));
        await region.Apply(Window(ledger, FarAhead + 1, Entry(4_000)));

        var totals = await region.Totals(null, null);
        Assert.Equal(3, totals.Orders);
        Assert.Equal((2 * 1_000) + 4_000, totals.GrossFen);
    }

    [Fact]
    public async Task A_query_whose_read_fails_fails_and_the_next_one_counts_every_line_once()
    {
        var (region, first, second) = await TownshipOfTwoSellers("194");
        await Ingest.Sales(Grains, [[Ingest.OneSale(first, "1")]]);
        await Ingest.Settle(Grains);
        await Grains.Gone(region);
        await Ingest.Sales(Grains, [[Ingest.OneSale(first, "2"), Ingest.OneSale(second, "1")]]);
        await Ingest.Settle(Grains);

        _reads.FailNext();
        await Assert.ThrowsAnyAsync<Exception>(() => region.Totals(null, null));

        Assert.Equal(3, (await region.Totals(null, null)).Orders);
        Assert.Equal(3, (await region.Totals(null, null)).Orders);
    }

    /// <summary>A sale's roll-up entry of the given amount, on Double 11, 2017, as <see cref="Ingest.OneSale"/> makes them.</summary>
    private static RollupEntry Entry(long amountFen) => RollupEntry.OfSale(Ingest.OneSale("any", "entry") with { AmountFen = amountFen });

    /// <summary>A ledger's window of the one batch <paramref name="seq"/>, holding the entry, as a ledger sends it.</summary>
    private static RollupDelta Window(int ledger, long seq, RollupEntry entry)
    {
        var entries = new TargetEntries();
        entries.Add(seq, entry);
        return entries.ToDelta(ledger, seq - 1, seq);
    }

    /// <summary>
    /// A township of its own below <see cref="County"/> (code County + <paramref name="number"/>), with two households
    /// of its one village whose sales go to two different ledgers.
    /// </summary>
    private async Task<(IRegionGrain Township, string First, string Second)> TownshipOfTwoSellers(string number)
    {
        var township = County + number;
        var (first, second) = await TwoSellersOnTwoLedgers(township + "201");
        return (Grains.Region(township), first, second);
    }

    /// <summary>Registers two households of the village whose sales go to two different ledgers.</summary>
    private async Task<(string First, string Second)> TwoSellersOnTwoLedgers(string village)
    {
        var first = village + "-a-" + Guid.NewGuid().ToString("N");
        var second = Enumerable.Range(0, 1_000).Select(i => village + "-b-" + i + "-" + Guid.NewGuid().ToString("N"))
            .First(id => LedgerPartition.Of(id) != LedgerPartition.Of(first));
        await Ingest.Register(Grains, [Household(first, village), Household(second, village)]);
        return (first, second);
    }

    private static SellerProfile Household(string sellerId, string village) => new(sellerId, "Household", village, SellerKind.Household, 3);

    /// <summary>
    /// Counts a region's reads of its rows (by region code): a village's in <paramref name="villageCounts"/>, any other
    /// region's in <paramref name="counts"/>. Can make the next of either fail.
    /// </summary>
    private sealed class RegionReads(ConcurrentDictionary<string, int> counts, ConcurrentDictionary<string, int> villageCounts)
    {
        private readonly HeldRead _held = new();
        private int _failNext;

        public void FailNext() => Volatile.Write(ref _failNext, 1);

        /// <summary>Holds the answer of a village's next read, made at once; the task completes when the read is done.</summary>
        public Task HoldNextVillageRead() => _held.HoldNext();

        public void Release() => _held.Release();

        public IJournal Around(IJournal inner) => InterceptedJournal.Around(inner, (method, args, proceed) =>
        {
            var isVillage = args.Length > 0 && args[0] is JournalScope.UnderRegion { CodePrefix: var code } && RegionCode.IsVillage(code);
            var reads = method.Name is nameof(IJournal.ReadAll) or nameof(IJournal.ReadWindows) || (method.Name is nameof(IJournal.ReadAfter) && args.Length == 2)
                ? (isVillage ? villageCounts : counts)
                : null;
            if (reads is not null && args[0] is JournalScope.UnderRegion or JournalScope.Everything)
            {
                reads.AddOrUpdate(args[0] is JournalScope.UnderRegion region ? region.CodePrefix : RegionCode.Nation, 1, (_, n) => n + 1);
                if (Interlocked.Exchange(ref _failNext, 0) == 1)
                {
                    throw new InvalidOperationException("the journal could not be read (test)");
                }

                if (isVillage && _held.TakeArmed() is { } held)
                {
                    return _held.WhenReleased((Task<List<(int Ledger, long Seq, RollupEntry Entry)>>)proceed()!, held);
                }
            }

            return proceed();
        });
    }
}
