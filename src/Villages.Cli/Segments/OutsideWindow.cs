using Villages.Abstractions.Registry;
using Villages.Cli.Generation;
using Villages.Domain.Ingest;

namespace Villages.Cli.Segments;

/// <summary>
/// A few 832-programme sales just outside the figures' windows, so that a query that ignores its window is caught:
/// the first half of 2015 (non-agricultural, so the 2015–2017 Alibaba figure is untouched) and the second half of 2018.
/// Their buyers are returning customers, so they add none to any count.
/// </summary>
internal sealed class OutsideWindow(ScenarioContext context, IReadOnlyList<SellerProfile> sellers, ProgrammeCustomers customers, long lines)
{
    public long Lines => lines;

    public IEnumerable<SaleLine> Generate()
    {
        var random = context.RandomFor("programme-outside-window");
        for (long n = 1; n <= lines; n++)
        {
            var early = n % 2 == 1;
            var category = Catalogue.Pick(early ? Catalogue.NonAgricultural : Catalogue.AllCategories, random);
            var time = early
                ? RandomTime.Between(random, RandomTime.Date(2015, 1, 1), RandomTime.Date(2015, 7, 1))
                : RandomTime.Between(random, RandomTime.Date(2018, 7, 1), RandomTime.Date(2019, 1, 1));
            var quantity = 1 + random.Next(20);
            yield return new SaleLine(
                Catalogue.Pick(Catalogue.AllPlatforms, random), context.Id("po", n), sellers[random.Next(sellers.Count)].SellerId, time,
                Catalogue.ProductOf(category, random), category, quantity, 0, quantity * random.Next(1_000, 12_001), customers.Returning(random));
        }
    }
}
