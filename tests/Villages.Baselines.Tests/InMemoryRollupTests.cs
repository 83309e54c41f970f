using Villages.Baselines.Input;
using Villages.Baselines.Memory;

namespace Villages.Baselines.Tests;

public sealed class InMemoryRollupTests : IDisposable
{
    private readonly TinyInput _input = new();
    private readonly InMemoryRollup _rollup;
    private readonly int _rejected;

    public InMemoryRollupTests()
    {
        _rollup = new InMemoryRollup(SellerTable.Read(_input.Directory));
        foreach (var file in SaleBatches.Files(_input.Directory))
        {
            var batch = SaleBatches.Parse(file, File.ReadAllBytes(file));
            _rejected += batch.Rejected;
            foreach (var line in batch.Lines)
            {
                _rollup.Add(line);
            }
        }
    }

    [Fact]
    public void The_national_total_counts_every_line_of_a_known_seller_in_fen_and_its_distinct_customers()
    {
        var n = _rollup.National();

        Assert.Equal(4550 + 1005 + 3000 + 3545 + 20000, n.GrossFen);
        Assert.Equal(n.GrossFen, n.NetFen);
        Assert.Equal(0, n.RefundsFen);
        Assert.Equal(5, n.Orders);
        Assert.Equal(2 + 1 + 3 + 4 + 1, n.Items);
        Assert.Equal(4, n.Customers);
        Assert.Equal(1, _rollup.UnknownSeller);
        Assert.Equal(1, _rejected); // the time without an offset
    }

    [Fact]
    public void A_county_series_has_every_CST_day_of_the_year_with_empty_days_as_zeros()
    {
        var series = _rollup.CountySeries("653130", 2017);

        Assert.Equal(365, series.Count);
        Assert.Equal(new DateOnly(2017, 1, 1), series[0].Day);
        var singlesDay = Assert.Single(series, p => p.Orders > 0 && p.Day == new DateOnly(2017, 11, 11));
        Assert.Equal(4550 + 3545, singlesDay.GrossFen);
        Assert.Equal(6, singlesDay.Items);
        // 2017-12-31T16:30Z is already 2018-01-01 in China; 23:59:59+08:00 is still the 31st.
        Assert.Equal(3000, series[^1].GrossFen);
        Assert.Equal(2, series.Count(p => p.Orders > 0));
        Assert.Equal(1005, _rollup.CountySeries("653130", 2018)[0].GrossFen);
    }

    [Fact]
    public void A_village_ranks_all_its_sellers_by_net_ties_by_id_including_those_without_sales()
    {
        var children = _rollup.VillageChildren(TinyInput.Village, 10);

        // bai's two lines (1005 + 3545 fen) tie with ali's one (4550).
        Assert.Equal(["ali", "bai", "idle"], children.Select(c => c.SellerId));
        Assert.Equal([4550, 1005 + 3545, 0], children.Select(c => c.NetFen));
        Assert.Equal(["ali"], _rollup.VillageChildren(TinyInput.Village, 1).Select(c => c.SellerId));
        Assert.Empty(_rollup.VillageChildren("110101001001", 10));
    }

    [Fact]
    public void The_rollup_and_the_quick_scan_before_PostgreSQL_ingest_pick_the_same_targets()
    {
        var picker = new TargetPicker();
        _rollup.CountInto(picker);
        var sellers = SellerTable.Read(_input.Directory);

        var scanned = TargetScan.Run(SaleBatches.Files(_input.Directory), sellers);

        Assert.Equal(new Targets("653130", 2017, TinyInput.Village), picker.Pick());
        Assert.Equal(picker.Pick(), scanned);
    }

    public void Dispose() => _input.Dispose();
}
