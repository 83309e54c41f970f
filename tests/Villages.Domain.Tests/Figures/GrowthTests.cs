using CsCheck;
using Villages.Domain.Catalog;
using Villages.Domain.Figures;
using Villages.Domain.Tests.Figures.Support;
using Villages.Domain.Time;

namespace Villages.Domain.Tests.Figures;

public class GrowthTests
{
    [Fact]
    public void The_growth_of_a_year_is_its_net_against_the_year_before()
    {
        Gen.Select(Movements.Lists, Queries.Slices).Sample((movements, slice) =>
        {
            var book = Movements.BookOf(movements);

            var points = book.Series(new DateTime(2015, 1, 1), new DateTime(2021, 1, 1), Interval.Year, slice);

            foreach (var point in points)
            {
                var year = point.Start.Year;
                var net = Oracle.NetOf(movements, new DateTime(year, 1, 1), new DateTime(year + 1, 1, 1), slice);
                var lastYear = Oracle.NetOf(movements, new DateTime(year - 1, 1, 1), new DateTime(year, 1, 1), slice);
                Assert.Equal(net, point.Figures.Tally.Net);
                if (lastYear <= 0)
                {
                    Assert.Null(point.Growth);
                }
                else
                {
                    Assert.NotNull(point.Growth);
                    Assert.Equal((double)(net - lastYear) / lastYear, point.Growth.Value, 6);
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void The_growth_of_a_clipped_bucket_compares_the_same_stretch_a_year_earlier()
    {
        Gen.Select(Movements.Lists, Queries.Ranges, Queries.Slices).Sample((movements, range, slice) =>
        {
            var book = Movements.BookOf(movements);
            foreach (var cell in book.SeriesCells(range.From, range.To, Interval.Month, slice))
            {
                var from = cell.Start < range.From ? range.From : cell.Start;
                var end = Cst.Next(Interval.Month, cell.Start);
                var to = end > range.To ? range.To : end;
                if (!IsLeapDay(from) && !IsLeapDay(to))
                {
                    Assert.Equal(Oracle.NetOf(movements, from.AddYears(-1), to.AddYears(-1), slice), cell.LastYearNet);
                }
            }
        }, iter: 150);
    }

    [Theory]
    [InlineData(15_000, 10_000, 0.5)]
    [InlineData(5_000, 10_000, -0.5)]
    [InlineData(10_000, 10_000, 0.0)]
    [InlineData(-5_000, 10_000, -1.5)]
    [InlineData(1_448, 1_000, 0.448)]
    public void Growth_is_the_change_of_net_as_a_fraction(long net, long lastYearNet, double growth)
    {
        Assert.Equal(growth, Growth.Of(net, lastYearNet));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void There_is_no_growth_from_a_year_whose_net_was_not_positive(long lastYearNet)
    {
        Assert.Null(Growth.Of(1_000, lastYearNet));
    }

    [Fact]
    public void The_28th_of_February_of_a_leap_year_is_compared_with_the_28th_of_February_before()
    {
        var book = Movements.BookOf([Sale(new DateTime(2015, 2, 28, 10, 0, 0), 10_000), Sale(new DateTime(2016, 2, 28, 10, 0, 0), 15_000)]);

        var point = Assert.Single(book.Series(new DateTime(2016, 2, 28), new DateTime(2016, 2, 29), Interval.Day, Slice.Everything));

        Assert.Equal(0.5, point.Growth);
    }

    [Fact]
    public void The_28th_of_February_after_a_leap_year_is_not_compared_with_two_days()
    {
        var book = Movements.BookOf(
        [
            Sale(new DateTime(2016, 2, 28, 10, 0, 0), 10_000),
            Sale(new DateTime(2016, 2, 29, 10, 0, 0), 5_000),
            Sale(new DateTime(2017, 2, 28, 10, 0, 0), 15_000),
        ]);

        var point = Assert.Single(book.Series(new DateTime(2017, 2, 28), new DateTime(2017, 3, 1), Interval.Day, Slice.Everything));

        Assert.Equal(0.5, point.Growth);
    }

    [Fact]
    public void February_of_a_leap_year_is_compared_with_the_whole_February_before()
    {
        var book = Movements.BookOf(
        [
            Sale(new DateTime(2015, 2, 1, 0, 0, 0), 4_000),
            Sale(new DateTime(2015, 2, 28, 23, 0, 0), 6_000),
            Sale(new DateTime(2015, 3, 1, 0, 0, 0), 99_000),
            Sale(new DateTime(2016, 2, 29, 23, 0, 0), 12_000),
        ]);

        var point = Assert.Single(book.Series(new DateTime(2016, 2, 1), new DateTime(2016, 3, 1), Interval.Month, Slice.Everything));

        Assert.Equal(0.2, point.Growth);
    }

    private static bool IsLeapDay(DateTime t) => t.Month == 2 && t.Day == 29;

    private static Movement Sale(DateTime wallClock, long fen) =>
        new(MovementKind.Sale, Cst.BucketOf(Interval.Hour, wallClock), Platform.Taobao, Category.Fruit, "melon", fen, 1, 0, 1);
}
