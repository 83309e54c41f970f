using CsCheck;
using Villages.Abstractions;
using Villages.Abstractions.Queries;
using Villages.Cluster.Tests.Infrastructure;
using Villages.Domain.Catalog;
using Villages.Domain.Figures;
using Villages.Domain.Regions;
using Villages.Domain.Time;

namespace Villages.Cluster.Tests.Rollup;

/// <summary>
/// Invariants 1–3 of PRODUCT.md on a real two-silo cluster: random worlds sent as shuffled batches with repeated
/// lines and resent batches are counted exactly once at every level, and every parent equals the sum of its children
/// in every bucket and every slice, to the fen.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ExactlyOnceRollupTests(ClusterFixture fixture)
{
    private static readonly DateTime From = new(2016, 1, 1);
    private static readonly DateTime To = new(2019, 3, 1);

    [Fact]
    public async Task Shuffled_duplicated_and_resent_batches_are_counted_once_at_every_level()
    {
        var run = 0;
        await Gen.Int.SampleAsync(
            async seed =>
            {
                var world = new SalesWorld(seed, $"w{Interlocked.Increment(ref run)}x{seed & 0xffff}");
                var rng = new Random(seed);
                var before = new Dictionary<string, (FiguresView Totals, IReadOnlyList<SeriesPointView> Years)>();
                foreach (var code in world.Regions)
                {
                    before[code] = await Snapshot(fixture.Grains.Region(code));
                }

                await Ingest.Register(fixture.Grains, world.Sellers);
                var sales = await Ingest.Sales(fixture.Grains, SalesWorld.Batches(world.Sales, rng));
                Assert.Equal(world.Sales.Count, sales.Sum(r => r.Accepted));
                Assert.Empty(sales.SelectMany(r => r.Rejected));

                var refunds = await Ingest.Refunds(fixture.Grains, SalesWorld.Batches([.. world.ValidRefunds, .. world.InvalidRefunds], rng));
                Assert.Equal(world.ValidRefunds.Count, refunds.Sum(r => r.Accepted));
                Assert.Equal(world.InvalidRefunds.Select(r => r.RefundId).ToHashSet(), refunds.SelectMany(r => r.Rejected).Select(r => r.Id!).ToHashSet());

                await Ingest.Settle(fixture.Grains);
                foreach (var seller in world.Sellers)
                {
                    await AssertMatches(world.ExpectedBook(s => s.SellerId == seller.SellerId), fixture.Grains.Seller(seller.SellerId));
                }

                // Regions are shared with earlier worlds: what this world added is the difference.
                foreach (var (code, was) in before)
                {
                    var expected = world.ExpectedBook(s => RegionCode.Contains(code, s.VillageCode));
                    var now = await Snapshot(fixture.Grains.Region(code));
                    Assert.Equal(Expected(expected.Lifetime) with { Customers = 0 }, Minus(now.Totals, was.Totals));
                    var years = expected.Series(From, To, Interval.Year, Slice.Everything);
                    for (var i = 0; i < years.Count; i++)
                    {
                        Assert.Equal(Expected(years[i].Figures) with { Customers = 0 }, Minus(now.Years[i].Figures, was.Years[i].Figures));
                    }
                }
            },
            iter: 3,
            threads: 1);
    }

    [Fact]
    public async Task Every_parent_equals_the_sum_of_its_children_in_every_bucket_and_slice()
    {
        // Prefectures 6501 and 3301 are this world's alone, so their every child is one of its sellers' regions.
        var world = new SalesWorld(seed: 7, tag: "conservation", townships: ["650102002", "650102003", "650103001", "330102001", "330105001"]);
        var rng = new Random(7);
        await Ingest.Register(fixture.Grains, world.Sellers);
        await Ingest.Sales(fixture.Grains, SalesWorld.Batches(world.Sales, rng));
        await Ingest.Refunds(fixture.Grains, SalesWorld.Batches(world.ValidRefunds, rng));
        await Ingest.Settle(fixture.Grains);

        var slices = new List<SeriesRequest>();
        foreach (var interval in new[] { Interval.Year, Interval.Month, Interval.Day })
        {
            slices.Add(Request(interval));
            slices.AddRange(Enum.GetValues<Platform>().Select(p => Request(interval) with { Platform = (byte)p }));
            slices.AddRange(Enum.GetValues<Category>().Select(c => Request(interval) with { Category = (byte)c }));
            slices.AddRange(new[] { "melon", "apple", "flour", "quilt" }.Select(p => Request(interval) with { Product = p }));
            slices.Add(Request(interval) with { Platform = (byte)Platform.Taobao, Product = "melon" });
        }

        foreach (var parent in world.Regions.Where(c => c.Length >= 4))
        {
            var children = world.Sellers.Where(s => RegionCode.Contains(parent, s.VillageCode))
                .Select(s => parent.Length == 12 ? s.SellerId : s.VillageCode[..RegionCode.ChildLength(parent)])
                .Distinct().ToList();
            foreach (var request in slices)
            {
                var expected = await fixture.Grains.Region(parent).Series(request);
                var parts = await Task.WhenAll(children.Select(c => parent.Length == 12
                    ? fixture.Grains.Seller(c).Series(request)
                    : fixture.Grains.Region(c).Series(request)));
                for (var i = 0; i < expected.Count; i++)
                {
                    var sum = parts.Select(p => p[i].Figures).Aggregate(FiguresView.Zero, Add);
                    Assert.Equal(Additive(expected[i].Figures), Additive(sum));
                }
            }
        }
    }

    private static async Task<(FiguresView Totals, IReadOnlyList<SeriesPointView> Years)> Snapshot(IScopeGrain scope) =>
        (await scope.Totals(null, null), await scope.Series(Request(Interval.Year)));

    private static FiguresView Minus(FiguresView a, FiguresView b) => new(
        a.GrossFen - b.GrossFen, a.RefundsFen - b.RefundsFen, a.Orders - b.Orders, a.Items - b.Items,
        a.ItemsReturned - b.ItemsReturned, a.WeightGrams - b.WeightGrams, 0);

    private static SeriesRequest Request(Interval interval) => new(From, To, (byte)interval, null, null, null);

    private static FiguresView Add(FiguresView a, FiguresView b) => new(
        a.GrossFen + b.GrossFen, a.RefundsFen + b.RefundsFen, a.Orders + b.Orders, a.Items + b.Items,
        a.ItemsReturned + b.ItemsReturned, a.WeightGrams + b.WeightGrams, 0);

    private static FiguresView Additive(FiguresView f) => f with { Customers = 0 };

    private static async Task AssertMatches(FiguresBook expected, IScopeGrain actual)
    {
        var totals = await actual.Totals(null, null);
        Assert.Equal(Expected(expected.Lifetime), totals);
        foreach (var interval in new[] { Interval.Year, Interval.Month })
        {
            var points = await actual.Series(Request(interval));
            var wanted = expected.Series(From, To, interval, Slice.Everything);
            Assert.Equal(wanted.Count, points.Count);
            for (var i = 0; i < wanted.Count; i++)
            {
                Assert.Equal(wanted[i].Start, points[i].Start);
                Assert.Equal(Expected(wanted[i].Figures), points[i].Figures);
                Assert.Equal(wanted[i].Growth, points[i].Growth);
            }
        }
    }

    private static FiguresView Expected(Cell cell) => Expected(cell.ToFigures());

    private static FiguresView Expected(Domain.Figures.Figures f) => SalesWorld.View(f);
}
