using Villages.Abstractions.Registry;
using Villages.Cli.Generation;
using Villages.Cli.Scenarios;
using Villages.Domain.Ingest;

namespace Villages.Cli.Segments;

/// <summary>Streams the sales of one <see cref="ProgrammeShape"/>, a block at a time, each block getting its exact slice of items and money.</summary>
internal sealed class ProgrammeSegment(ScenarioContext context, IReadOnlyList<SellerProfile> sellers, ProgrammeCustomers customers, ProgrammeShape shape)
{
    // Checked when the plan is built, not when its lines are first enumerated in the middle of posting.
    private readonly ProgrammeShape _shape = shape.Items >= shape.Lines && !(shape.AmountFen < shape.Lines)
        ? shape
        : throw new ScaleTooSmallException($"{shape.Name} has {shape.Items} items and {shape.AmountFen} fen for {shape.Lines} lines");

    public IEnumerable<SaleLine> Generate()
    {
        var random = context.RandomFor(_shape.Name);
        var orders = new Order[Blocks.Size];
        var sizes = new long[Blocks.Size];
        var extraItems = new long[Blocks.Size];
        var values = new long[Blocks.Size];
        var extraFen = new long[Blocks.Size];
        foreach (var (start, length) in Blocks.Of(_shape.Lines))
        {
            for (var i = 0; i < length; i++)
            {
                var category = Catalogue.Pick(_shape.Categories, random);
                orders[i] = new Order(
                    sellers[random.Next(sellers.Count)].SellerId,
                    Catalogue.Pick(_shape.Platforms, random),
                    category,
                    Catalogue.ProductOf(category, random),
                    RandomTime.Between(random, _shape.FromCst, _shape.ToCst),
                    customers.ForPurchase(_shape.FirstPurchase + start + i, random),
                    random.Next(1_000, 12_001));
                // Skewed order sizes: most orders are small, a few are bulk buys.
                sizes[i] = 1 + (random.Next(7) * random.Next(7));
            }

            Apportion.Into(Apportion.Slice(_shape.Items - _shape.Lines, _shape.Lines, start, length), sizes.AsSpan(0, length), extraItems.AsSpan(0, length));
            for (var i = 0; i < length; i++)
            {
                values[i] = (extraItems[i] + 1) * orders[i].UnitPriceFen;
            }

            if (_shape.AmountFen is { } amount)
            {
                Apportion.Into(Apportion.Slice(amount - _shape.Lines, _shape.Lines, start, length), values.AsSpan(0, length), extraFen.AsSpan(0, length));
            }

            for (var i = 0; i < length; i++)
            {
                var o = orders[i];
                var fen = _shape.AmountFen is null ? values[i] : extraFen[i] + 1;
                yield return new SaleLine(
                    o.Platform, context.Id(_shape.IdKind, start + i + 1), o.SellerId, o.Time, o.Product, o.Category, extraItems[i] + 1, 0, fen, o.Customer);
            }
        }
    }

    private readonly record struct Order(
        string SellerId, Domain.Catalog.Platform Platform, Domain.Catalog.Category Category, string Product, DateTimeOffset Time, string Customer, long UnitPriceFen);
}
