using Villages.Domain.Figures;

namespace Villages.Benchmarks;

/// <summary>
/// A county-sized book: a year of sales at <see cref="SalesPerDay"/> a day over the whole catalogue and every platform,
/// so that hour and day cells are small exact sketches while month, year and lifetime cells are dense HyperLogLogs.
/// </summary>
internal static class YearOfFigures
{
    public const int SalesPerDay = 1_500;
    public const int CustomerPool = 200_000;

    public static readonly DateTime Start = new(2017, 1, 1);

    /// <summary>Builds the book from <paramref name="days"/> days from <see cref="Start"/>, in order, as roll-ups would.</summary>
    public static FiguresBook Build(int days, string[] customers)
    {
        var book = new FiguresBook();
        var sales = Synthetic.Sales(days * SalesPerDay, Cst(Start), TimeSpan.FromDays(days), customers, seed: 5);
        // Roll-ups arrive roughly in time order; sorting keeps the book's dictionaries growing as they do in a grain.
        sales.Sort((a, b) => a.Time.CompareTo(b.Time));
        foreach (var m in Synthetic.Movements(sales, seed: 6))
        {
            book.Apply(m);
        }

        return book;
    }

    public static DateTimeOffset Cst(DateTime wallClock) => Domain.Time.Cst.Instant(wallClock);
}
