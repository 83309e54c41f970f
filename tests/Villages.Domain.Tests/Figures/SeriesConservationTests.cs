using CsCheck;
using Villages.Domain.Figures;
using Villages.Domain.Tests.Figures.Support;
using Villages.Domain.Time;

namespace Villages.Domain.Tests.Figures;

public class SeriesConservationTests
{
    [Theory]
    [InlineData(Interval.Day)]
    [InlineData(Interval.Month)]
    [InlineData(Interval.Year)]
    public void The_points_of_a_series_add_up_to_the_sum_over_its_range(Interval interval)
    {
        Gen.Select(Movements.Lists, Queries.Ranges, Queries.Slices).Sample((movements, range, slice) =>
        {
            AssertConserved(Movements.BookOf(movements), interval, range.From, range.To, slice);
        }, iter: 150);
    }

    [Fact]
    public void The_points_of_an_hourly_series_add_up_to_the_sum_over_its_range()
    {
        Gen.Select(Movements.Lists, Queries.ShortRanges, Queries.Slices).Sample((movements, range, slice) =>
        {
            AssertConserved(Movements.BookOf(movements), Interval.Hour, range.From, range.To, slice);
        }, iter: 300);
    }

    [Theory]
    [InlineData(Interval.Hour)]
    [InlineData(Interval.Month)]
    [InlineData(Interval.Year)]
    public void Each_point_holds_the_movements_of_its_bucket_clipped_to_the_range(Interval interval)
    {
        var ranges = interval == Interval.Hour ? Queries.ShortRanges : Queries.Ranges;
        Gen.Select(Movements.Lists, ranges, Queries.Slices).Sample((movements, range, slice) =>
        {
            var book = Movements.BookOf(movements);
            foreach (var point in book.Series(range.From, range.To, interval, slice))
            {
                var from = Max(point.Start, range.From);
                var to = Min(Cst.Next(interval, point.Start), range.To);
                var expected = Oracle.Within(movements, from, to, slice);
                Assert.Equal(Oracle.TallyOf(expected), point.Figures.Tally);
                Assert.Equal(Oracle.CustomersOf(expected), point.Figures.Customers);
            }
        }, iter: 150);
    }

    [Fact]
    public void A_series_has_one_point_per_bucket_even_when_empty()
    {
        var book = new FiguresBook();

        var days = book.Series(new DateTime(2017, 11, 10, 12, 0, 0), new DateTime(2017, 11, 13), Interval.Day, Slice.Everything);
        var months = book.Series(new DateTime(2017, 1, 1), new DateTime(2018, 1, 1), Interval.Month, Slice.Everything);

        Assert.Equal([new DateTime(2017, 11, 10), new DateTime(2017, 11, 11), new DateTime(2017, 11, 12)], days.Select(p => p.Start));
        Assert.Equal(12, months.Count);
        Assert.All(months, p => Assert.Equal(default, p.Figures));
        Assert.All(months, p => Assert.Null(p.Growth));
    }

    private static void AssertConserved(FiguresBook book, Interval interval, DateTime from, DateTime to, Slice slice)
    {
        var points = book.Series(from, to, interval, slice);

        var total = new Tally();
        foreach (var p in points)
        {
            total.Add(p.Figures.Tally);
        }

        Assert.Equal(book.Sum(from, to, slice).Tally, total);
        Assert.Equal(ExpectedStarts(interval, from, to), points.Select(p => p.Start));
    }

    private static List<DateTime> ExpectedStarts(Interval interval, DateTime from, DateTime to)
    {
        var starts = new List<DateTime>();
        for (var s = Cst.Floor(interval, from); s < to; s = Cst.Next(interval, s))
        {
            starts.Add(s);
        }

        return starts;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
