using System.Runtime.InteropServices;
using Villages.Baselines.Input;
using Villages.Baselines.Queries;
using Villages.Domain.Hashing;
using Villages.Domain.Ingest;
using Villages.Domain.Regions;
using Villages.Domain.Time;

namespace Villages.Baselines.Memory;

/// <summary>
/// The physical limit of the aggregation: one thread adds each sale line into the (scope, CST day) cells of its seller,
/// village, township, county, prefecture, province and the nation (integer fen sums, orders, items), and its customer's
/// hash into a set at the nation. No durability, no concurrency, no history, no sketch.
/// </summary>
/// <remarks>
/// The cells are a dictionary of days per scope, found through each seller's chain of seven scopes, which is resolved
/// once from the seller table: the loop does one string lookup (the seller) and seven small integer lookups per line,
/// and a scope's lifetime total is a walk over only the days it sold on.
/// </remarks>
internal sealed class InMemoryRollup
{
    private readonly Dictionary<string, Dictionary<int, Cell>[]> _chainOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<int, Cell>> _region = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string SellerId, Dictionary<int, Cell> Days)>> _sellersOfVillage = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Cell> _nation = [];
    private readonly HashSet<ulong> _customers = [];

    public InMemoryRollup(IReadOnlyDictionary<string, SellerRow> sellers)
    {
        _region[RegionCode.Nation] = _nation;
        foreach (var seller in sellers.Values)
        {
            var regions = RegionCode.SelfAndAncestors(seller.VillageCode); // village … province, nation
            var chain = new Dictionary<int, Cell>[regions.Count + 1];
            chain[0] = [];
            for (var i = 0; i < regions.Count; i++)
            {
                chain[i + 1] = Region(regions[i]);
            }

            _chainOf[seller.SellerId] = chain;
            if (!_sellersOfVillage.TryGetValue(seller.VillageCode, out var list))
            {
                _sellersOfVillage[seller.VillageCode] = list = [];
            }

            list.Add((seller.SellerId, chain[0]));
        }
    }

    /// <summary>Lines of sellers not in the seller table; skipped, as the gateway rejects them.</summary>
    public long UnknownSeller { get; private set; }

    public long Cells => _chainOf.Values.Sum(c => (long)c[0].Count) + _region.Values.Sum(r => (long)r.Count);

    public void Add(SaleLine line)
    {
        if (!_chainOf.TryGetValue(line.SellerId, out var chain))
        {
            UnknownSeller++;
            return;
        }

        var day = Cst.BucketOf(Interval.Day, Cst.WallClock(line.Time));
        foreach (var days in chain)
        {
            ref var cell = ref CollectionsMarshal.GetValueRefOrAddDefault(days, day, out _);
            cell.GrossFen += line.AmountFen;
            cell.Orders++;
            cell.Items += line.Quantity;
        }

        _customers.Add(CustomerHash.Of(line.Customer));
    }

    public NationalTotals National()
    {
        var total = Total(_nation);
        return new NationalTotals(total.GrossFen, 0, total.GrossFen, total.Orders, total.Items, _customers.Count);
    }

    public IReadOnlyList<DayPoint> CountySeries(string countyCode, int year)
    {
        var first = Cst.BucketOf(Interval.Day, new DateTime(year, 1, 1));
        var end = Cst.BucketOf(Interval.Day, new DateTime(year + 1, 1, 1));
        var days = _region.GetValueOrDefault(countyCode);
        var points = new DayPoint[end - first];
        for (var day = first; day < end; day++)
        {
            var cell = days?.GetValueOrDefault(day) ?? default;
            var date = DateOnly.FromDateTime(Cst.BucketStart(Interval.Day, day));
            points[day - first] = new DayPoint(date, cell.GrossFen, cell.GrossFen, cell.Orders, cell.Items, null);
        }

        return points;
    }

    public IReadOnlyList<ChildRow> VillageChildren(string villageCode, int top)
    {
        if (!_sellersOfVillage.TryGetValue(villageCode, out var sellers))
        {
            return [];
        }

        return sellers
            .Select(s => (s.SellerId, Total: Total(s.Days)))
            .OrderByDescending(s => s.Total.GrossFen).ThenBy(s => s.SellerId, StringComparer.Ordinal)
            .Take(top)
            .Select(s => new ChildRow(s.SellerId, s.Total.GrossFen, s.Total.GrossFen, s.Total.Orders, s.Total.Items, null))
            .ToList();
    }

    /// <summary>Feeds every village's lines per CST year to a picker (after the timed loop; not part of the limit).</summary>
    public void CountInto(TargetPicker picker)
    {
        foreach (var (code, days) in _region)
        {
            if (RegionCode.IsVillage(code))
            {
                foreach (var (day, cell) in days)
                {
                    picker.Add(code, Cst.BucketStart(Interval.Day, day).Year, cell.Orders);
                }
            }
        }
    }

    private Dictionary<int, Cell> Region(string code)
    {
        if (!_region.TryGetValue(code, out var days))
        {
            _region[code] = days = [];
        }

        return days;
    }

    private static Cell Total(Dictionary<int, Cell> days)
    {
        var sum = default(Cell);
        foreach (var cell in days.Values)
        {
            sum.GrossFen += cell.GrossFen;
            sum.Orders += cell.Orders;
            sum.Items += cell.Items;
        }

        return sum;
    }

    private struct Cell
    {
        public long GrossFen;
        public long Orders;
        public long Items;
    }
}
