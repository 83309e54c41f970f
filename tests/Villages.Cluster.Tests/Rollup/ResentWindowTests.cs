using CsCheck;
using Villages.Abstractions;
using Villages.Abstractions.Ingest;
using Villages.Abstractions.Queries;
using Villages.Abstractions.Rollup;
using Villages.Cluster.Tests.Infrastructure;
using Villages.Grains.Ledger;
using Villages.Tests.Shared;

namespace Villages.Cluster.Tests.Rollup;

/// <summary>
/// A ledger that did not see every target answer sends the window again from the same start, further on by then; a
/// target that had applied the first attempt, or caught up from the journal to a batch inside the window, takes only
/// the batches after its own position, from the delta itself. Most targets here are townships no seller is in, so
/// nothing reaches them but these deltas, and their batch numbers lie far above anything the journal holds: what they
/// count can only have come from the deltas. (A village takes no deltas: it reads its rows when asked.)
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ResentWindowTests(ClusterFixture fixture)
{
    private const long FarAhead = 1_000_000_000;

    [Fact]
    public async Task A_resent_window_applies_only_the_batches_after_the_targets_position()
    {
        var target = NewTarget();
        const int ledger = 5;
        var first = Window(ledger, 0, 2, (1, [100]), (2, [20, 3]));
        var resent = Window(ledger, 0, 4, (1, [100]), (2, [20, 3]), (4, [4_000]));

        await target.Apply(first);
        await target.Apply(resent);
        await target.Apply(first);

        var totals = await target.Totals(null, null);
        Assert.Equal(4_123, totals.GrossFen);
        Assert.Equal(4, totals.Orders);
    }

    [Fact]
    public async Task Any_schedule_of_lost_deltas_lost_answers_late_deliveries_and_retries_counts_every_batch_once()
    {
        await Gen.Int.SampleAsync(
            async seed =>
            {
                var rng = new Random(seed);
                var target = NewTarget();
                var ledger = rng.Next(16);
                var batches = Enumerable.Range(1, rng.Next(1, 12))
                    .Select(seq => (Seq: (long)seq, Amounts: Enumerable.Range(0, rng.Next(0, 4)).Select(_ => (long)rng.Next(1, 10_000)).ToArray()))
                    .ToList();

                // The ledger's side: committed batches, and the position every target has answered for.
                int committed = 0, rolledUp = 0;
                var sent = new List<RollupDelta>();
                while (rolledUp < batches.Count)
                {
                    committed = Math.Min(batches.Count, Math.Max(committed + rng.Next(0, 3), rolledUp + 1));
                    var window = batches.Skip(rolledUp).Take(committed - rolledUp).Where(b => b.Amounts.Length > 0).ToArray();
                    if (window.Length == 0)
                    {
                        rolledUp = committed; // Nothing for this target: it is not sent, and nobody waits for it.
                        continue;
                    }

                    var delta = Window(ledger, rolledUp, committed, window);
                    sent.Add(delta);
                    switch (rng.Next(4))
                    {
                        case 0: // Lost on the way: the ledger retries.
                            break;
                        case 1: // Applied, but the answer was lost: the ledger retries from the same start.
                            await target.Apply(delta);
                            break;
                        default:
                            await target.Apply(delta);
                            rolledUp = committed;
                            break;
                    }

                    if (rng.Next(3) == 0)
                    {
                        await target.Apply(sent[rng.Next(sent.Count)]); // An earlier attempt delivered late.
                    }
                }

                var totals = await target.Totals(null, null);
                Assert.Equal(batches.Sum(b => b.Amounts.Sum()), totals.GrossFen);
                Assert.Equal(batches.Sum(b => b.Amounts.Length), totals.Orders);
            },
            iter: 40,
            threads: 1);
    }

    [Fact]
    public async Task A_window_reaching_back_into_what_a_real_township_has_applies_only_the_batches_after_its_position()
    {
        // A real township of one seller, with real batches: activated by the first of them, it took the ledgers'
        // positions (reading its rows below them from the journal when first asked) and its deltas above them, up to its
        // seller's ledger's last batch M; a window (M - 1, M + 500] then reaches it, as a ledger's retry would. Its batch
        // M is in the journal already; batch M + 500 is not. Its village, which takes no deltas, drops the window.
        var world = new SalesWorld(seed: 5151, tag: "caught-up", townships: ["653130199"], sellers: 1, sales: 40);
        var sellerId = world.Sellers[0].SellerId;
        await Ingest.Settled(fixture.Grains, world.Sellers, world.Sales, new Random(3));
        var township = fixture.Grains.Region("653130199");
        var village = fixture.Grains.Region(world.Sellers[0].VillageCode);
        var before = await township.Totals(null, null);
        Assert.Equal(world.Sales.Count, before.Orders);
        Assert.Equal(before, await village.Totals(null, null));

        var ledger = LedgerPartition.Of(sellerId);
        var last = await LedgerPositions.Last(fixture.DataFolder, ledger);
        var entries = new TargetEntries();
        entries.Add(last, Entry(999_999));
        entries.Add(last + 500, Entry(4_000));
        await township.Apply(entries.ToDelta(ledger, last - 1, last + 500));
        await village.Apply(entries.ToDelta(ledger, last - 1, last + 500));

        var totals = await township.Totals(null, null);
        Assert.Equal(before.GrossFen + 4_000, totals.GrossFen);
        Assert.Equal(before.Orders + 1, totals.Orders);
        Assert.Equal(before, await village.Totals(null, null));
    }

    [Fact]
    public async Task An_overlapping_window_from_an_older_ledger_is_not_cut_from_the_delta()
    {
        // A ledger of an older build does not say where its batches begin, so the part this village lacks is read from the
        // journal, which holds nothing for it here: the overlap adds nothing, where cutting the delta would add batch 3.
        // (That the journal read itself happens this cannot show; the journal's windows are tested in Postgres.Tests.)
        var target = NewTarget();
        const int ledger = 11;
        await target.Apply(Window(ledger, 0, 2, (1, [100]), (2, [20])));
        var older = Window(ledger, 0, 3, (1, [100]), (2, [20]), (3, [3])) with { Batches = null! };

        await target.Apply(older);
        await target.Apply(older);
        await target.Apply(Window(ledger, 3, 4, (4, [4_000])) with { Batches = null! });

        var totals = await target.Totals(null, null);
        Assert.Equal(4_120, totals.GrossFen);
        Assert.Equal(3, totals.Orders);
    }

    [Fact]
    public void A_delta_says_where_each_batch_begins_and_refuses_batches_out_of_order()
    {
        var entries = new TargetEntries();
        entries.Add(7, Entry(1));
        entries.Add(7, Entry(2));
        entries.Add(9, Entry(3));
        var delta = entries.ToDelta(ledger: 0, fromSeq: 6, toSeq: 10);

        Assert.Equal([new BatchStart(7, 0), new BatchStart(9, 2)], delta.Batches);
        Assert.Equal(0, delta.FirstEntryAfter(6));
        Assert.Equal(2, delta.FirstEntryAfter(7));
        Assert.Equal(2, delta.FirstEntryAfter(8));
        Assert.Equal(3, delta.FirstEntryAfter(9));
        Assert.Throws<InvalidOperationException>(() => entries.Add(8, Entry(4)));
    }

    /// <summary>A township code no division and no seller has ("99" is no province).</summary>
    private IRegionGrain NewTarget() => fixture.Grains.Region("99" + Random.Shared.NextInt64(10_000_000).ToString("0000000", System.Globalization.CultureInfo.InvariantCulture));

    private static RollupDelta Window(int ledger, long from, long to, params (long Seq, long[] Amounts)[] batches)
    {
        var entries = new TargetEntries();
        foreach (var (seq, amounts) in batches)
        {
            foreach (var amount in amounts)
            {
                entries.Add(FarAhead + seq, Entry(amount));
            }
        }

        return entries.ToDelta(ledger, FarAhead + from, FarAhead + to);
    }

    private static RollupEntry Entry(long amountFen) => new(1, 400_000, 1, 1, "walnuts", amountFen, 1, 500, (ulong)amountFen);
}
