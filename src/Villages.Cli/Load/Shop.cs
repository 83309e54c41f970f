using Villages.Abstractions.Registry;
using Villages.Cli.Generation;
using Villages.Domain.Catalog;

namespace Villages.Cli.Load;

/// <summary>
/// A seller and what its shop sells: one category, a few of its products, a main and a second platform, a base
/// price in fen and a weight per item in grams (none for tours). Lines vary the price by ±10%, never the kind.
/// </summary>
internal sealed record Shop(SellerProfile Profile, Category Category, string[] Products, Platform Main, Platform Second, long UnitFen, long GramsPerItem)
{
    // Shares of the shops by category and by platform, roughly as rural e-commerce reports have them.
    private static readonly (Category Category, int Weight, long MinFen, long MaxFen, long MinGrams, long MaxGrams)[] Categories =
    [
        (Category.Fruit, 30, 1_500, 12_000, 2_500, 5_000),
        (Category.Vegetable, 10, 800, 6_000, 1_000, 5_000),
        (Category.Grain, 12, 1_000, 8_000, 2_500, 10_000),
        (Category.Nuts, 12, 2_000, 15_000, 500, 2_000),
        (Category.Livestock, 12, 3_000, 30_000, 500, 5_000),
        (Category.Textile, 6, 5_000, 80_000, 1_000, 4_000),
        (Category.Handicraft, 6, 3_000, 50_000, 300, 2_000),
        (Category.Tourism, 4, 10_000, 150_000, 0, 0),
        (Category.Other, 8, 1_000, 20_000, 200, 1_000),
    ];

    private static readonly (Platform Platform, int Weight)[] Platforms =
    [
        (Platform.Taobao, 35), (Platform.Tmall, 12), (Platform.Jd, 14), (Platform.Pinduoduo, 20), (Platform.Suning, 3),
        (Platform.Wechat, 8), (Platform.Meituan, 2), (Platform.Ctrip, 1), (Platform.Self, 5),
    ];

    /// <summary>Most sellers are households of 1 to 6 people; some are cooperatives, a few enterprises (no members).</summary>
    public static Shop Open(string sellerId, int number, string villageCode, Random random)
    {
        var roll = random.Next(100);
        var profile = roll switch
        {
            < 85 => new SellerProfile(sellerId, $"Load household {number}", villageCode, SellerKind.Household, random.Next(1, 7)),
            < 96 => new SellerProfile(sellerId, $"Load cooperative {number}", villageCode, SellerKind.Cooperative, random.Next(5, 61)),
            _ => new SellerProfile(sellerId, $"Load enterprise {number}", villageCode, SellerKind.Enterprise, 0),
        };
        var c = Weighted(Categories, x => x.Weight, random);
        var products = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Catalogue.ProductOf(c.Category, random)).Distinct().ToArray();
        var main = Weighted(Platforms, p => p.Weight, random).Platform;
        var second = Weighted(Platforms, p => p.Weight, random).Platform;
        var unit = c.MinFen + random.NextInt64(c.MaxFen - c.MinFen + 1);
        var grams = c.MaxGrams == 0 ? 0 : c.MinGrams + random.NextInt64(c.MaxGrams - c.MinGrams + 1);
        return new Shop(profile, c.Category, products, main, second, unit, grams);
    }

    private static T Weighted<T>(T[] choices, Func<T, int> weight, Random random)
    {
        var x = random.Next(choices.Sum(weight));
        foreach (var choice in choices)
        {
            x -= weight(choice);
            if (x < 0)
            {
                return choice;
            }
        }

        return choices[^1];
    }
}
