using Villages.Abstractions.Registry;
using Villages.Cli.Generation;
using Villages.Cli.Reference;
using Villages.Cli.Wire;
using Villages.Domain.Catalog;
using Villages.Domain.Ingest;
using Villages.Domain.Time;

namespace Villages.Cli.Load;

/// <summary>
/// What a load run sends: sellers placed in real villages and an endless, skewed stream of their sales over a
/// year. A pure function of the options and the reference files, so the same seed gives byte-identical lines;
/// the run tag changes only the sale ids.
/// </summary>
public sealed class LoadPlan
{
    // Lines are drawn in blocks with a generator each, so a stream can start at any line without replaying the run.
    private const int BlockSize = 4096;

    // Enough distinct buyers that most are seen once or twice, as on a real platform, while regulars return.
    private const long CustomersPerSeller = 200;

    private readonly Shop[] _shops;
    private readonly Popularity _popularity;
    private readonly SaleCalendar _calendar;
    private readonly CustomerPool _customers;

    private LoadPlan(LoadPlanOptions options, string configFolder, VillageUniverse villages, Shop[] shops, SellerProfile probeSeller)
    {
        Options = options;
        ConfigFolder = configFolder;
        VillageCount = villages.Codes.Count;
        VillagesDescription = villages.Description;
        _shops = shops;
        Sellers = [.. shops.Select(s => s.Profile)];
        ProbeSeller = probeSeller;
        _popularity = new Popularity(shops.Length);
        _calendar = new SaleCalendar(options.Year);
        _customers = new CustomerPool(options.Seed, Math.Max(100_000, shops.Length * CustomersPerSeller));
        BusiestCounty = Busiest(code => code[..6]);
        BusiestVillage = Busiest(code => code);
    }

    public LoadPlanOptions Options { get; }

    public string ConfigFolder { get; }

    public int VillageCount { get; }

    public string VillagesDescription { get; }

    /// <summary>How many distinct villages hold a seller: every one once there are at least as many sellers as villages.</summary>
    public int VillagesUsed => Math.Min(Sellers.Count, VillageCount);

    /// <summary>Sellers in order of popularity: the first sells most.</summary>
    public IReadOnlyList<SellerProfile> Sellers { get; }

    /// <summary>The seller of the freshness probes' one-line sales, outside the plan's lines.</summary>
    public SellerProfile ProbeSeller { get; }

    /// <summary>The county and the village the plan's lines favour most (by their sellers' popularity).</summary>
    public string BusiestCounty { get; }

    public string BusiestVillage { get; }

    public long CustomerPoolSize => _customers.Size;

    public static LoadPlan Create(LoadPlanOptions options)
    {
        var folder = Reference.ConfigFolder.Locate(options.ConfigFolder);
        var villages = options.VillagesFile is null
            ? VillageUniverse.Synthesised(ReferenceData.Load(folder))
            : VillageUniverse.FromFile(options.VillagesFile);

        // Dealt round a shuffled deck: sellers land in distinct villages all over the country, and once there are
        // as many sellers as villages every village has one.
        var deck = Shuffled(villages.Codes.Count, Seeds.Random(options.Seed, "load/villages"));
        var random = Seeds.Random(options.Seed, "load/sellers");
        var shops = new Shop[options.Sellers];
        for (var rank = 0; rank < shops.Length; rank++)
        {
            shops[rank] = Shop.Open(SellerId(options.Seed, rank + 1), rank + 1, villages.Codes[deck[rank % deck.Length]], random);
        }

        var probe = new SellerProfile($"load-{options.Seed}-probe", "Load freshness probe", villages.Codes[deck[^1]], SellerKind.Household, 1);
        return new LoadPlan(options, folder, villages, shops, probe);
    }

    public static string SellerId(int seed, int number) => $"load-{seed}-{number}";

    /// <summary>Line numbers start at 1; the id carries seed and run so runs never collide and a rerun is idempotent.</summary>
    public string SaleId(long line) => $"load-{Options.Seed}-{Options.Run}-{line}";

    /// <summary>The plan's sales from the 0-based line <paramref name="first"/> on, without end.</summary>
    public IEnumerable<SaleLine> Sales(long first = 0)
    {
        for (var block = first / BlockSize; ; block++)
        {
            var random = Seeds.Random(Options.Seed, $"load/lines/{block}");
            for (var i = 0; i < BlockSize; i++)
            {
                var index = (block * BlockSize) + i;
                var line = Line(index, random);
                if (index >= first)
                {
                    yield return line;
                }
            }
        }
    }

    /// <summary>The plan cut into POST /api/sales bodies of <paramref name="batchSize"/> lines, <paramref name="count"/> lines in all (null: without end).</summary>
    public IEnumerable<LoadBatch> Batches(int batchSize, long? count)
    {
        using var lines = Sales().GetEnumerator();
        var buffer = new List<SaleLine>(batchSize);
        long first = 0;
        for (long number = 1; count is null || first < count; number++)
        {
            var size = (int)Math.Min(batchSize, (count ?? long.MaxValue) - first);
            buffer.Clear();
            while (buffer.Count < size && lines.MoveNext())
            {
                buffer.Add(lines.Current);
            }

            yield return new LoadBatch(number, first, size, WireJson.Sales(buffer));
            first += size;
        }
    }

    /// <summary>A product slug no plan line uses, so a national series filtered by it counts exactly the probe.</summary>
    public string ProbeProduct(int k) => $"probe-{Options.Seed}-{Options.Run}-{k}";

    public SaleLine Probe(int k) => new(
        Platform.Self,
        $"load-{Options.Seed}-{Options.Run}-probe-{k}",
        ProbeSeller.SellerId,
        Cst.Instant(new DateTime(Options.Year, 7, 1, 12, 0, 0, DateTimeKind.Unspecified)),
        ProbeProduct(k),
        Category.Other,
        1,
        0,
        1_00,
        $"probe-{k}");

    private SaleLine Line(long index, Random random)
    {
        var rank = _popularity.Sample(random);
        var shop = _shops[rank];
        var platform = random.Next(10) < 7 ? shop.Main : shop.Second;
        var product = shop.Products[random.Next(shop.Products.Length)];
        var time = _calendar.Sample(random);
        var quantity = Quantity(random);
        var unitFen = shop.UnitFen * (90 + random.Next(21)) / 100;
        var customer = _customers.Pick(random, rank);
        return new SaleLine(
            platform, SaleId(index + 1), shop.Profile.SellerId, time, product, shop.Category, quantity, shop.GramsPerItem * quantity, unitFen * quantity, customer);
    }

    /// <summary>Most orders are one or two items; a few are bulk buys.</summary>
    private static long Quantity(Random random) => random.Next(100) switch
    {
        < 60 => 1,
        < 85 => 2,
        < 97 => random.Next(3, 6),
        _ => random.Next(6, 21),
    };

    // Fisher–Yates written out: Random.Shuffle's algorithm is not promised to stay the same across .NET versions.
    private static int[] Shuffled(int count, Random random)
    {
        var deck = Enumerable.Range(0, count).ToArray();
        for (var i = count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (deck[i], deck[j]) = (deck[j], deck[i]);
        }

        return deck;
    }

    private string Busiest(Func<string, string> regionOf)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var rank = 0; rank < _shops.Length; rank++)
        {
            var region = regionOf(_shops[rank].Profile.VillageCode);
            weights[region] = weights.GetValueOrDefault(region) + Popularity.Weight(rank);
        }

        return weights.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).First().Key;
    }
}
