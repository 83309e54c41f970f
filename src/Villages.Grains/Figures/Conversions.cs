using Villages.Abstractions.Queries;
using Villages.Abstractions.Rollup;
using Villages.Domain.Catalog;
using Villages.Domain.Figures;
using Villages.Domain.Time;

namespace Villages.Grains.Figures;

internal static class Conversions
{
    public static Movement ToMovement(this RollupEntry e) =>
        new((MovementKind)e.Kind, e.Hour, (Platform)e.Platform, (Category)e.Category, e.Product, e.AmountFen, e.Quantity, e.WeightGrams, e.CustomerHash);

    public static FiguresView ToView(this Cell cell) => cell.ToFigures().ToView();

    public static Slice ToSlice(this SeriesRequest r) =>
        new(r.Platform is { } p ? (Platform)p : null, r.Category is { } c ? (Category)c : null, r.Product);

    public static Interval ToInterval(this SeriesRequest r) => (Interval)r.Interval;

    public static FiguresView ToView(this Domain.Figures.Figures f)
    {
        var t = f.Tally;
        return new FiguresView(t.Gross, t.Refunds, t.Orders, t.Items, t.ItemsReturned, t.WeightGrams, f.Customers);
    }

    public static SeriesPointView ToView(this SeriesCell p) =>
        new(p.Start, p.Cell.ToView(), Growth.Of(p.Cell.Tally.Net, p.LastYearNet));

    public static SeriesPointView ToView(this SeriesPoint p) => new(p.Start, p.Figures.ToView(), p.Growth);

    /// <summary>Open bounds mean all time.</summary>
    public static (DateTime From, DateTime To) Bounds(DateTime? from, DateTime? to) =>
        (from ?? new DateTime(1970, 1, 1), to ?? new DateTime(2200, 1, 1));
}
