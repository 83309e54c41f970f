using Villages.Abstractions.Registry;
using Villages.Cli.Generation;
using Villages.Cli.Scenarios;
using Villages.Domain.Catalog;
using Villages.Domain.Ingest;
using Villages.Domain.Time;

namespace Villages.Cli.Segments;

/// <summary>
/// A year of Urumqi enterprises' online sales whose net (gross − refunds) is exactly the budget. Each line keeps
/// an exact share of the net; a few lines are also partly refunded, the refund added to the sale's amount and
/// dated later in the same CST year, so it cancels in the same yearly bucket and the net stays exact.
/// </summary>
internal sealed class XinjiangEnterprises(ScenarioContext context, IReadOnlyList<SellerProfile> sellers, int year, long netFen, long lines)
{
    private const int RefundPercentOfLines = 4;
    private const long MaxRefundDelaySeconds = 7 * 24 * 3600;

    // Checked when the plan is built, not when its lines are first enumerated in the middle of posting.
    private readonly long _lines = netFen >= lines
        ? lines
        : throw new ScaleTooSmallException($"Xinjiang's {year} enterprise net of {netFen} fen cannot fill {lines} lines");

    public long Lines => _lines;

    public long NetFen => netFen;

    public IEnumerable<(SaleLine Sale, RefundLine? Refund)> Generate()
    {
        var random = context.RandomFor($"xinjiang-enterprises-{year}");
        var tokens = context.TokensFor($"xj{year}");
        var customerPool = Math.Max(1, _lines * 3 / 4);
        var from = RandomTime.Date(year, 1, 1);
        var yearEnd = RandomTime.Date(year + 1, 1, 1);
        var shapes = new Shape[Blocks.Size];
        var weights = new long[Blocks.Size];
        var kept = new long[Blocks.Size];
        foreach (var (start, length) in Blocks.Of(_lines))
        {
            for (var i = 0; i < length; i++)
            {
                var category = Catalogue.Pick(Catalogue.XinjiangEnterpriseCategories, random);
                var shape = new Shape(
                    sellers[random.Next(sellers.Count)].SellerId,
                    Catalogue.Pick(Catalogue.XinjiangEnterprisePlatforms, random),
                    category,
                    Catalogue.ProductOf(category, random),
                    1 + random.Next(6),
                    RandomTime.Between(random, from, yearEnd),
                    tokens.Of(random.NextInt64(customerPool)),
                    random.Next(100) < RefundPercentOfLines ? random.Next(10, 101) : 0);
                shapes[i] = shape;
                weights[i] = shape.Quantity * random.Next(3_000, 60_001);
                if (shape.RefundPercent > 0)
                {
                    var secondsLeftInYear = (long)(yearEnd - Cst.WallClock(shape.Time)).TotalSeconds;
                    shapes[i] = shape with { RefundDelaySeconds = random.NextInt64(Math.Min(MaxRefundDelaySeconds, secondsLeftInYear)) };
                }
            }

            // Every line keeps at least one fen; the rest of the block's slice goes by weight.
            Apportion.Into(Apportion.Slice(netFen - _lines, _lines, start, length), weights.AsSpan(0, length), kept.AsSpan(0, length));
            for (var i = 0; i < length; i++)
            {
                yield return Line(shapes[i], start + i + 1, kept[i] + 1);
            }
        }
    }

    private (SaleLine, RefundLine?) Line(Shape s, long number, long keptFen)
    {
        var refundFen = s.RefundPercent == 0 ? 0 : Math.Max(1, keptFen * s.RefundPercent / 100);
        var amount = keptFen + refundFen;
        var sale = new SaleLine(s.Platform, context.Id($"xe{year}", number), s.SellerId, s.Time, s.Product, s.Category, s.Quantity, 0, amount, s.Customer);
        if (refundFen == 0)
        {
            return (sale, null);
        }

        // Items returned in proportion to the money refunded, at least one and never more than were sold.
        var returned = Math.Clamp(((s.Quantity * refundFen * 2) + amount) / (2 * amount), 1, s.Quantity);
        var refund = new RefundLine(s.Platform, context.Id($"rf{year}", number), sale.SaleId, s.SellerId, s.Time.AddSeconds(s.RefundDelaySeconds), refundFen, returned);
        return (sale, refund);
    }

    private readonly record struct Shape(
        string SellerId, Platform Platform, Category Category, string Product, long Quantity, DateTimeOffset Time, string Customer, int RefundPercent, long RefundDelaySeconds = 0);
}
