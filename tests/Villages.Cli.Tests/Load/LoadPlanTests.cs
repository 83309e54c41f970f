using System.IO.Compression;
using Villages.Abstractions.Registry;
using Villages.Cli.Load;
using Villages.Cli.Tests.Infrastructure;
using Villages.Cli.Wire;
using Villages.Domain.Catalog;
using Villages.Domain.Ingest;
using Villages.Domain.Time;

namespace Villages.Cli.Tests.Load;

public sealed class LoadPlanTests
{
    private static readonly Lazy<LoadPlan> Default = new(() => Plan());
    private static readonly Lazy<IReadOnlyList<SaleLine>> DefaultLines = new(() => Parse(Default.Value.Batches(5_000, 50_000)));

    [Fact]
    public void The_same_seed_gives_byte_identical_sellers_and_lines()
    {
        var a = Plan(seed: 3, sellers: 500);
        var b = Plan(seed: 3, sellers: 500);

        Assert.Equal(a.Sellers, b.Sellers);
        Assert.Equal(Bodies(a, 1_000, 7_000), Bodies(b, 1_000, 7_000));
    }

    [Fact]
    public void The_lines_do_not_depend_on_the_batch_size_and_a_stream_can_start_anywhere()
    {
        var plan = Plan(sellers: 500);

        Assert.Equal(Parse(plan.Batches(5_000, 9_000)), Parse(plan.Batches(333, 9_000)));
        Assert.Equal(plan.Sales().Skip(6_000).Take(50), plan.Sales(6_000).Take(50));
    }

    [Fact]
    public void Another_run_tag_gives_the_same_sales_under_new_ids()
    {
        var first = Plan(sellers: 500).Sales().Take(2_000).ToList();
        var second = Plan(run: "again", sellers: 500).Sales().Take(2_000).ToList();

        Assert.Empty(first.Select(s => s.SaleId).Intersect(second.Select(s => s.SaleId)));
        Assert.Equal(first.Select(s => s with { SaleId = "" }), second.Select(s => s with { SaleId = "" }));
        Assert.Equal("load-1-again-1", second[0].SaleId);
    }

    [Fact]
    public void Another_seed_gives_other_sellers_and_other_lines()
    {
        var a = Plan(seed: 1, sellers: 500);
        var b = Plan(seed: 2, sellers: 500);

        Assert.Empty(a.Sellers.Select(s => s.SellerId).Intersect(b.Sellers.Select(s => s.SellerId)));
        Assert.NotEqual(a.Sellers.Select(s => s.VillageCode), b.Sellers.Select(s => s.VillageCode));
        Assert.NotEqual(a.Sales().Take(100).Select(s => s.AmountFen), b.Sales().Take(100).Select(s => s.AmountFen));
    }

    [Fact]
    public void Every_line_is_valid_under_the_APIs_own_parser_with_unique_ids_and_known_sellers()
    {
        var plan = Default.Value;
        var lines = DefaultLines.Value;
        var sellers = plan.Sellers.Select(s => s.SellerId).ToHashSet();

        Assert.Equal(50_000, lines.Count);
        Assert.Equal(lines.Count, lines.Select(l => l.SaleId).Distinct().Count());
        Assert.All(lines, l =>
        {
            Assert.Contains(l.SellerId, sellers);
            Assert.Equal(2017, Cst.WallClock(l.Time).Year);
            Assert.Equal(Cst.Offset, l.Time.Offset);
            Assert.InRange(l.Quantity, 1, 20);
            Assert.InRange(l.AmountFen, 1, 100_000_000);
        });
        Assert.True(lines.Select(l => l.Platform).Distinct().Count() >= 6);
        Assert.True(lines.Select(l => l.Category).Distinct().Count() >= 6);
        Assert.True(lines.Select(l => l.Product).Distinct().Count() >= 20);
    }

    [Fact]
    public void Amounts_are_whole_fen_written_as_yuan_with_at_most_two_decimals()
    {
        var body = System.Text.Encoding.UTF8.GetString(Default.Value.Batches(2_000, 2_000).Single().Body);

        var amounts = System.Text.RegularExpressions.Regex.Matches(body, "\"amount\":([0-9.]+)").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2_000, amounts.Count);
        Assert.All(amounts, a => Assert.Matches("^[1-9][0-9]*(\\.[0-9]{1,2})?$", a));
    }

    [Fact]
    public void A_few_sellers_sell_most_the_top_1_percent_over_40_percent_of_the_lines()
    {
        var plan = Default.Value;
        var bySeller = DefaultLines.Value.GroupBy(l => l.SellerId).Select(g => g.Count()).OrderDescending().ToList();

        var top = bySeller.Take(plan.Sellers.Count / 100).Sum();
        Assert.True(top > 0.4 * DefaultLines.Value.Count, $"the top 1% made {top} of {DefaultLines.Value.Count} lines");
        // The most popular seller is the first.
        Assert.Equal(plan.Sellers[0].SellerId, DefaultLines.Value.GroupBy(l => l.SellerId).MaxBy(g => g.Count())!.Key);
    }

    [Fact]
    public void Double_11_is_the_busiest_day_by_far_then_618_and_Double_11_starts_at_midnight()
    {
        var byDay = DefaultLines.Value.GroupBy(l => Cst.WallClock(l.Time).Date).ToDictionary(g => g.Key, g => g.ToList());
        var ranked = byDay.OrderByDescending(d => d.Value.Count).Select(d => d.Key).ToList();
        var average = DefaultLines.Value.Count / 365.0;

        Assert.Equal(new DateTime(2017, 11, 11), ranked[0]);
        Assert.Equal(new DateTime(2017, 6, 18), ranked[1]);
        Assert.True(byDay[ranked[0]].Count > 10 * average, $"Double-11 had {byDay[ranked[0]].Count} lines, an average day {average:0}");
        var hours = byDay[ranked[0]].GroupBy(l => Cst.WallClock(l.Time).Hour).MaxBy(g => g.Count())!.Key;
        Assert.Equal(0, hours);
    }

    [Fact]
    public void Buyers_come_back()
    {
        var byCustomer = DefaultLines.Value.GroupBy(l => l.Customer).Select(g => g.Count()).ToList();

        Assert.True(byCustomer.Count < 0.9 * DefaultLines.Value.Count);
        Assert.True(byCustomer.Count > 0.3 * DefaultLines.Value.Count);
        Assert.Contains(byCustomer, n => n >= 3);
    }

    [Fact]
    public void Sellers_are_mostly_households_of_1_to_6_spread_over_distinct_villages_of_real_townships()
    {
        var sellers = Default.Value.Sellers;

        Assert.Equal("load-1-1", sellers[0].SellerId);
        Assert.Equal("load-1-10000", sellers[^1].SellerId);
        Assert.True(sellers.Count(s => s.Kind == SellerKind.Household) > 0.7 * sellers.Count);
        Assert.All(sellers.Where(s => s.Kind == SellerKind.Household), s => Assert.InRange(s.Members, 1, 6));
        Assert.Equal(sellers.Count, sellers.Select(s => s.VillageCode).Distinct().Count());
        Assert.All(sellers, s => Assert.Contains(s.VillageCode[..9], ReferenceFiles.Townships));
        Assert.True(sellers.Select(s => s.VillageCode[..2]).Distinct().Count() >= 25, "sellers in most provinces");
        Assert.Equal(sellers[0].VillageCode, Default.Value.BusiestVillage);
    }

    [Fact]
    public void With_a_villages_file_and_at_least_as_many_sellers_as_villages_every_village_has_one()
    {
        var real = ReferenceFiles.Townships.Order(StringComparer.Ordinal).Take(25).SelectMany(t => new[] { t + "001", t + "201" }).ToList();
        var path = Path.Combine(Path.GetTempPath(), $"villages-{Guid.NewGuid():N}.csv.gz");
        try
        {
            using (var writer = new StreamWriter(new GZipStream(File.Create(path), CompressionLevel.Fastest)))
            {
                writer.WriteLine("code,name,townshipCode,countyCode,prefectureCode,provinceCode");
                foreach (var code in real)
                {
                    writer.WriteLine($"{code},\"村, with a comma\",{code[..9]},{code[..6]},{code[..4]},{code[..2]}");
                }
            }

            var exactly = Plan(sellers: real.Count, villages: path);
            var more = Plan(sellers: (real.Count * 2) + 7, villages: path);
            var fewer = Plan(sellers: 20, villages: path);

            Assert.Equal(real.Count, exactly.VillageCount);
            Assert.Equal(real.Order(), exactly.Sellers.Select(s => s.VillageCode).Order());
            Assert.Equal(real.Order(), more.Sellers.Select(s => s.VillageCode).Distinct().Order());
            Assert.Equal(20, fewer.Sellers.Select(s => s.VillageCode).Distinct().Count());
            Assert.All(fewer.Sellers, s => Assert.Contains(s.VillageCode, real));
            Assert.Contains(more.BusiestCounty, real.Select(r => r[..6]));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_probe_is_one_line_of_a_product_no_plan_line_has()
    {
        var plan = Default.Value;
        var probe = plan.Probe(3);

        Assert.Equal("probe-1-1-3", probe.Product);
        Assert.True(CatalogNames.IsProductSlug(probe.Product));
        Assert.Equal(plan.ProbeSeller.SellerId, probe.SellerId);
        Assert.DoesNotContain(plan.ProbeSeller.SellerId, plan.Sellers.Select(s => s.SellerId));
        Assert.DoesNotContain(DefaultLines.Value, l => l.Product.StartsWith("probe", StringComparison.Ordinal));
        Assert.Single(Parse([new LoadBatch(1, 0, 1, WireJson.Sales([probe]))]));
    }

    private static LoadPlan Plan(int seed = 1, string run = "1", int sellers = 10_000, string? villages = null) =>
        LoadPlan.Create(new LoadPlanOptions(seed, run, sellers, 2017, ReferenceFiles.Folder, villages));

    private static byte[] Bodies(LoadPlan plan, int batchSize, long count) => [.. plan.Batches(batchSize, count).SelectMany(b => b.Body)];

    /// <summary>The bodies read back as the gateway reads them; any rejection fails the test.</summary>
    internal static IReadOnlyList<SaleLine> Parse(IEnumerable<LoadBatch> batches)
    {
        var lines = new List<SaleLine>();
        foreach (var batch in batches)
        {
            Assert.True(BatchReader.TryRead(batch.Body, ndjson: false, out var raw, out var error), error);
            Assert.Equal(batch.Lines, raw.Count);
            foreach (var r in raw)
            {
                Assert.True(LineParser.TryParseSale(r, out var sale, out var rejection), rejection?.ToString());
                lines.Add(sale!);
            }
        }

        return lines;
    }
}
