using Villages.Abstractions.Registry;
using Villages.Cli.Generation;
using Villages.Domain.Catalog;
using Villages.Domain.Ingest;

namespace Villages.Cli.Segments;

/// <summary>
/// Bachu's melon households sell their 2017 melons on Taobao in the melon season, a few melons per order, and
/// record farming income so that every household's total is exactly the article's 400 yuan (2015) and 3,500 yuan (2017).
/// Small at every scale (100,000 melons at 1.0), so it is built once and kept.
/// </summary>
internal sealed record BachuMelons(IReadOnlyList<SaleLine> Sales, IReadOnlyList<IncomeLine> Income, long GrossFen)
{
    public const int MelonsPerHousehold = 25;
    public const string Source = "farming";

    // 20–60 yuan a melon keeps any household's proceeds (≤ 25 melons) far below 3,500 yuan, so its other income stays positive.
    private const int MinMelonFen = 2_000;
    private const int MaxMelonFen = 6_000;

    // At least a few households, when there are melons enough, so the average is an average.
    public static long HouseholdsFor(long melons) => Math.Clamp((melons + MelonsPerHousehold - 1) / MelonsPerHousehold, Math.Min(3, melons), melons);

    public static BachuMelons Generate(
        ScenarioContext context, IReadOnlyList<SellerProfile> households, long melons, ProgrammeCustomers customers, long income2015Fen, long income2017Fen)
    {
        var random = context.RandomFor("bachu-melons");
        var sales = new List<SaleLine>();
        var income = new List<IncomeLine>();
        var from = RandomTime.Date(2017, 6, 20);
        var to = RandomTime.Date(2017, 10, 1);
        for (var h = 0; h < households.Count; h++)
        {
            var household = households[h];
            var left = (melons / households.Count) + (h < melons % households.Count ? 1 : 0);
            long proceeds = 0;
            while (left > 0)
            {
                var count = Math.Min(left, 1 + random.Next(3));
                long amount = 0, grams = 0;
                for (var m = 0; m < count; m++)
                {
                    amount += random.Next(MinMelonFen, MaxMelonFen + 1);
                    grams += random.Next(3_500, 6_501);
                }

                var customer = customers.ForPurchase(sales.Count, random);
                sales.Add(new SaleLine(
                    Platform.Taobao, context.Id("bm", sales.Count + 1), household.SellerId, RandomTime.Between(random, from, to),
                    "melon", Category.Fruit, count, grams, amount, customer));
                proceeds += amount;
                left -= count;
            }

            if (proceeds >= income2017Fen)
            {
                throw new InvalidOperationException($"Bachu household {household.SellerId} sold {proceeds} fen of melons, not below the 2017 income target.");
            }

            income.Add(new IncomeLine(household.SellerId, 2015, Source, income2015Fen));
            income.Add(new IncomeLine(household.SellerId, 2017, Source, income2017Fen - proceeds));
        }

        return new BachuMelons(sales, income, sales.Sum(s => s.AmountFen));
    }
}
