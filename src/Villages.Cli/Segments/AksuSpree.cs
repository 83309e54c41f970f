using Villages.Abstractions.Registry;
using Villages.Cli.Generation;
using Villages.Cli.Scenarios;
using Villages.Domain.Catalog;
using Villages.Domain.Ingest;

namespace Villages.Cli.Segments;

/// <summary>
/// The 12-hour Tmall apple spree of 11 November 2017 in Aksu city and Wensu: the exact weight in grams spread over
/// orders of a few orderSizes, bought by exactly the target number of distinct customers. Built once and kept.
/// </summary>
internal sealed record AksuSpree(IReadOnlyList<SaleLine> Sales, long GrossFen, long WeightGrams, long Customers)
{
    public static readonly DateTime From = RandomTime.Date(2017, 11, 11);
    public static readonly DateTime To = RandomTime.Date(2017, 11, 11, 12);

    public static AksuSpree Generate(ScenarioContext context, IReadOnlyList<SellerProfile> sellers, long weightGrams, long customers)
    {
        var random = context.RandomFor("aksu-spree");
        var tokens = context.TokensFor("ak");
        // About one customer in seven comes back for a second order.
        var lines = Math.Max(customers, (customers * 23 / 20) + 1);
        if (weightGrams < lines)
        {
            throw new ScaleTooSmallException($"the Aksu spree's {weightGrams} g cannot fill {lines} orders");
        }

        var orderSizes = new long[lines];
        for (var i = 0; i < lines; i++)
        {
            // Orders of one to five orderSizes of about five kilograms each.
            orderSizes[i] = random.Next(1, 6) * random.Next(4_000, 6_001);
        }

        var grams = new long[lines];
        Apportion.Into(weightGrams - lines, orderSizes, grams);
        var sales = new List<SaleLine>((int)lines);
        for (var i = 0; i < lines; i++)
        {
            var weight = grams[i] + 1;
            var pricePerKgFen = random.Next(600, 1_401);
            var amount = Math.Max(1, weight * pricePerKgFen / 1_000);
            var quantity = Math.Max(1, (weight + 2_500) / 5_000);
            var customer = tokens.Of(i < customers ? i : random.NextInt64(customers));
            sales.Add(new SaleLine(
                Platform.Tmall, context.Id("ak", i + 1), sellers[random.Next(sellers.Count)].SellerId, RandomTime.Between(random, From, To),
                "apple", Category.Fruit, quantity, weight, amount, customer));
        }

        return new AksuSpree(sales, sales.Sum(s => s.AmountFen), sales.Sum(s => s.WeightGrams), sales.Select(s => s.Customer).Distinct().LongCount());
    }
}
