using CsCheck;
using Villages.Domain.Tests.Figures.Support;
using Villages.Domain.Time;

namespace Villages.Domain.Tests.Figures;

/// <summary>
/// A range that is one bucket (a day of a daily series, a year of a ranking) is answered from the bucket's cell where
/// it lies instead of from a copy; the answer must be the copy's, and reading must leave the book as it was.
/// </summary>
public class FiguresInPlaceTests
{
    // One whole bucket of each interval around a random moment: the ranges that are read in place.
    private static readonly Gen<(DateTime From, DateTime To)> OneBucket =
        Gen.Select(Queries.Bounds, Gen.Int[0, 3]).Select((t, i) =>
        {
            var start = Cst.Floor((Interval)i, t);
            return (start, Cst.Next((Interval)i, start));
        });

    private static readonly Gen<(DateTime From, DateTime To)> OneBucketOrAny = Gen.OneOf(OneBucket, Queries.Ranges);

    [Fact]
    public void Figures_of_a_range_are_the_figures_of_its_sum_whether_or_not_it_is_one_bucket()
    {
        Gen.Select(Movements.Lists, Movements.BucketAfter, OneBucketOrAny, Queries.Slices).Sample((movements, bucketAfter, range, slice) =>
        {
            var book = Movements.BookOf(movements, bucketAfter);

            Assert.Equal(book.Sum(range.From, range.To, slice).ToFigures(), book.FiguresOf(range.From, range.To, slice));
        }, iter: 500);
    }

    [Fact]
    public void Figures_of_one_bucket_with_buyers_past_the_exact_count_are_those_of_its_sum()
    {
        Gen.Select(Movements.One(customers: 100_000).Array[1_500, 3_000], OneBucket, Queries.Slices).Sample((movements, range, slice) =>
        {
            var book = Movements.BookOf(movements, bucketAfter: 0);

            Assert.Equal(book.Sum(range.From, range.To, slice).ToFigures(), book.FiguresOf(range.From, range.To, slice));
        }, iter: 20);
    }

    [Fact]
    public void Reading_a_series_in_place_leaves_the_book_as_it_was()
    {
        Gen.Select(Movements.One(customers: 100_000).Array[1_500, 3_000], Movements.One(customers: 100_000).Array[1, 50], Queries.Slices)
            .Sample((movements, more, slice) =>
            {
                var book = Movements.BookOf(movements, bucketAfter: 0);
                var before = book.ToBytes();

                foreach (var interval in new[] { Interval.Hour, Interval.Day, Interval.Month, Interval.Year })
                {
                    var from = interval == Interval.Hour ? new DateTime(2017, 11, 9) : new DateTime(2015, 1, 1);
                    _ = book.Series(from, from.AddDays(interval == Interval.Hour ? 5 : 1_900), interval, slice);
                }

                Assert.Equal(before, book.ToBytes());
                foreach (var m in more)
                {
                    book.Apply(m);
                }

                Assert.Equal(Movements.BookOf(movements.Concat(more), bucketAfter: 0).ToBytes(), book.ToBytes());
            }, iter: 10);
    }
}
