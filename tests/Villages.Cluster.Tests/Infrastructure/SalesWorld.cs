using Villages.Abstractions.Ingest;
using Villages.Abstractions.Queries;
using Villages.Abstractions.Registry;
using Villages.Domain.Catalog;
using Villages.Domain.Figures;
using Villages.Domain.Hashing;
using Villages.Domain.Regions;
using Villages.Domain.Time;

namespace Villages.Cluster.Tests.Infrastructure;

/// <summary>
/// A random but reproducible world of sellers, sales and refunds, with what every scope must show once it is all
/// ingested: the test's own model, computed without any of the code under test's roll-up.
/// Refunds are drawn so that order can never change their fate: each valid refund takes at most half of its sale,
/// and there are at most two per sale; each invalid one asks for more than the whole sale or names no sale.
/// </summary>
public sealed class SalesWorld
{
    /// <summary>Townships the random worlds share, so that their regions receive many worlds' sales.</summary>
    public static readonly string[] SharedTownships = ["653130100", "653130101", "652901001", "652922100", "110101001", "130125100"];
    private static readonly (string Product, Category Category)[] Products =
        [("melon", Category.Fruit), ("apple", Category.Fruit), ("flour", Category.Grain), ("quilt", Category.Textile)];

    public SalesWorld(int seed, string tag, string[]? townships = null, int sellers = 24, int sales = 600)
    {
        var rng = new Random(seed);
        townships ??= SharedTownships;
        Tag = tag;
        for (var i = 0; i < sellers; i++)
        {
            var village = townships[rng.Next(townships.Length)] + (200 + rng.Next(3)).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
            Sellers.Add(new SellerProfile($"{tag}-seller-{i}", $"Household {i}", village, SellerKind.Household, 1 + rng.Next(6)));
        }

        var start = new DateTimeOffset(2016, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < sales; i++)
        {
            var seller = Sellers[rng.Next(Sellers.Count)];
            var (product, category) = Products[rng.Next(Products.Length)];
            var time = start.AddMinutes(rng.Next(3 * 365 * 24 * 60));
            var quantity = 2 + rng.Next(5);
            Sales.Add(new SaleEntry(
                0, (byte)(1 + rng.Next(9)), $"{tag}-sale-{i}", seller.SellerId, time, product, (byte)category,
                quantity, rng.Next(3) == 0 ? 0 : 1 + rng.Next(20_000), 2 + rng.Next(100_000), $"{tag}-buyer-{rng.Next(300)}"));
        }

        var refundNumber = 0;
        foreach (var sale in Sales.Where(_ => rng.Next(4) == 0))
        {
            for (var k = 1 + rng.Next(2); k > 0; k--)
            {
                var refund = new RefundEntry(
                    0, sale.Platform, $"{tag}-refund-{refundNumber++}", sale.SaleId, sale.SellerId,
                    sale.Time.AddHours(rng.Next(24 * 40)), 1 + rng.Next((int)(sale.AmountFen / 2)), 1 + rng.Next((int)(sale.Quantity / 2)));
                ValidRefunds.Add(refund);
            }
        }

        foreach (var sale in Sales.Where(_ => rng.Next(10) == 0))
        {
            InvalidRefunds.Add(new RefundEntry(0, sale.Platform, $"{tag}-refund-{refundNumber++}", sale.SaleId, sale.SellerId, sale.Time.AddDays(1), sale.AmountFen + 1, 1));
            InvalidRefunds.Add(new RefundEntry(0, sale.Platform, $"{tag}-refund-{refundNumber++}", $"{tag}-no-such-sale", sale.SellerId, sale.Time.AddDays(1), 1, 1));
        }
    }

    public string Tag { get; }

    public List<SellerProfile> Sellers { get; } = [];

    public List<SaleEntry> Sales { get; } = [];

    public List<RefundEntry> ValidRefunds { get; } = [];

    public List<RefundEntry> InvalidRefunds { get; } = [];

    /// <summary>Every scope the world touches: each seller, and each region from its village up to the nation.</summary>
    public IEnumerable<string> Regions => Sellers.SelectMany(s => RegionCode.SelfAndAncestors(s.VillageCode)).Distinct();

    /// <summary>The expected book of a scope, built by applying the model's accepted movements directly.</summary>
    public FiguresBook ExpectedBook(Func<SellerProfile, bool> inScope)
    {
        var sellers = Sellers.Where(inScope).Select(s => s.SellerId).ToHashSet();
        var sales = Sales.ToDictionary(s => s.SaleId);
        var book = new FiguresBook();
        foreach (var s in Sales.Where(s => sellers.Contains(s.SellerId)))
        {
            book.Apply(new Movement(MovementKind.Sale, Cst.HourOf(s.Time), (Platform)s.Platform, (Category)s.Category, s.Product, s.AmountFen, s.Quantity, s.WeightGrams, CustomerHash.Of(s.Customer)));
        }

        foreach (var r in ValidRefunds.Where(r => sellers.Contains(r.SellerId)))
        {
            var sale = sales[r.SaleId];
            book.Apply(new Movement(MovementKind.Refund, Cst.HourOf(r.Time), (Platform)sale.Platform, (Category)sale.Category, sale.Product, r.AmountFen, r.Quantity, 0, 0));
        }

        return book;
    }

    /// <summary>Figures as the grains answer them.</summary>
    public static FiguresView View(Figures f) =>
        new(f.Tally.Gross, f.Tally.Refunds, f.Tally.Orders, f.Tally.Items, f.Tally.ItemsReturned, f.Tally.WeightGrams, f.Customers);

    /// <summary>
    /// The lines cut into batches the way a flaky platform sends them: shuffled, with some lines repeated in other
    /// batches, and some whole batches sent again.
    /// </summary>
    public static List<List<T>> Batches<T>(IReadOnlyList<T> lines, Random rng)
    {
        var withDuplicates = lines.Concat(lines.Where(_ => rng.Next(5) == 0)).OrderBy(_ => rng.Next()).ToList();
        var batches = new List<List<T>>();
        for (var i = 0; i < withDuplicates.Count;)
        {
            var size = 1 + rng.Next(120);
            batches.Add(withDuplicates.Skip(i).Take(size).ToList());
            i += size;
        }

        batches.AddRange(batches.Where(_ => rng.Next(3) == 0).ToList());
        return batches.OrderBy(_ => rng.Next()).ToList();
    }
}
