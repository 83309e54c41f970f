using Villages.Domain.Figures;
using Villages.Domain.Time;

namespace Villages.Domain.Tests.Figures.Support;

/// <summary>The figures computed the slow, obvious way, straight from the movements.</summary>
internal static class Oracle
{
    public static Movement[] Within(IEnumerable<Movement> movements, DateTime from, DateTime to, Slice slice) =>
        movements.Where(m =>
        {
            var start = Cst.HourStart(m.Hour);
            return start >= from && start < to
                && (slice.Platform is null || slice.Platform == m.Platform)
                && (slice.Category is null || slice.Category == m.Category)
                && (slice.Product is null || slice.Product == m.Product);
        }).ToArray();

    public static Tally TallyOf(IReadOnlyCollection<Movement> movements)
    {
        var sales = movements.Where(m => m.Kind == MovementKind.Sale).ToArray();
        var refunds = movements.Where(m => m.Kind == MovementKind.Refund).ToArray();
        return new Tally(
            Gross: sales.Sum(m => m.AmountFen),
            Refunds: refunds.Sum(m => m.AmountFen),
            Orders: sales.Length,
            Items: sales.Sum(m => m.Quantity),
            ItemsReturned: refunds.Sum(m => m.Quantity),
            WeightGrams: sales.Sum(m => m.WeightGrams));
    }

    public static long CustomersOf(IEnumerable<Movement> movements) =>
        movements.Where(m => m.Kind == MovementKind.Sale).Select(m => m.CustomerHash).Distinct().LongCount();

    public static long NetOf(IEnumerable<Movement> movements, DateTime from, DateTime to, Slice slice) =>
        TallyOf(Within(movements, from, to, slice)).Net;
}
