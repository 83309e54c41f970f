using CsCheck;
using Villages.Domain.Catalog;
using Villages.Domain.Figures;
using Villages.Domain.Hashing;
using Villages.Domain.Time;

namespace Villages.Domain.Tests.Figures.Support;

/// <summary>Random sales and refunds across 2015–2019 over a few platforms, categories and products.</summary>
internal static class Movements
{
    public static readonly Platform[] Platforms = [Platform.Taobao, Platform.Jd, Platform.Wechat];
    public static readonly Category[] Categories = [Category.Fruit, Category.Grain, Category.Textile];
    public static readonly string[] Products = ["melon", "apple", "quilt"];

    private static readonly int FirstHour = Cst.BucketOf(Interval.Hour, new DateTime(2015, 1, 1));
    private static readonly int LastHour = Cst.BucketOf(Interval.Hour, new DateTime(2020, 1, 1)) - 1;

    // Half the movements crowd around the 2016 and 2017 Singles' Days, so that hours and days hold several of them.
    private static readonly Gen<int> Hours = Gen.Frequency(
        (1, Gen.Int[FirstHour, LastHour]),
        (1, Gen.Int[Cst.BucketOf(Interval.Hour, new DateTime(2016, 11, 9)), Cst.BucketOf(Interval.Hour, new DateTime(2016, 11, 13))]),
        (1, Gen.Int[Cst.BucketOf(Interval.Hour, new DateTime(2017, 11, 9)), Cst.BucketOf(Interval.Hour, new DateTime(2017, 11, 13))]));

    public static Gen<Movement> One(int customers) =>
        Gen.Select(
            Gen.Frequency((3, Gen.Const(MovementKind.Sale)), (1, Gen.Const(MovementKind.Refund))),
            Hours,
            Gen.OneOf(Platforms),
            Gen.OneOf(Categories),
            Gen.OneOf(Products),
            Gen.Long[1, 5_000_000],
            Gen.Long[1, 50],
            Gen.Long[0, 20_000],
            Gen.Int[0, customers - 1],
            (kind, hour, platform, category, product, amount, quantity, grams, customer) => kind == MovementKind.Sale
                ? new Movement(kind, hour, platform, category, product, amount, quantity, grams, CustomerHash.Of($"buyer-{customer}"))
                : new Movement(kind, hour, platform, category, product, amount, quantity, 0, 0));

    /// <summary>Few enough distinct buyers that every customer count stays exact.</summary>
    public static readonly Gen<Movement[]> Lists = One(customers: 40).Array[0, 250];

    /// <summary>Thresholds that make a book bucket at once, part way through a list, or never within one.</summary>
    public static readonly Gen<int> BucketAfter = Gen.OneOf(Gen.Const(0), Gen.Int[1, 120], Gen.Const(FiguresBook.DefaultBucketAfter));

    public static FiguresBook BookOf(IEnumerable<Movement> movements, int bucketAfter = FiguresBook.DefaultBucketAfter)
    {
        var book = new FiguresBook(bucketAfter);
        foreach (var m in movements)
        {
            book.Apply(m);
        }

        return book;
    }
}
