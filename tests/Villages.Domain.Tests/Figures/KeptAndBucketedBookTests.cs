using CsCheck;
using Villages.Domain.Catalog;
using Villages.Domain.Figures;
using Villages.Domain.Tests.Figures.Support;
using Villages.Domain.Time;

namespace Villages.Domain.Tests.Figures;

/// <summary>
/// A small book keeps its movements as they came and buckets them past a threshold; whichever form it is in, and
/// wherever in a stream it changed form, it answers exactly as the other would.
/// </summary>
public class KeptAndBucketedBookTests
{
    [Fact]
    public void A_book_that_keeps_its_movements_answers_as_a_bucketed_one()
    {
        Gen.Select(Movements.Lists, Movements.BucketAfter, Queries.Ranges, Queries.Slices).Sample((movements, bucketAfter, range, slice) =>
        {
            var bucketed = Movements.BookOf(movements, bucketAfter: 0);
            var book = Movements.BookOf(movements, bucketAfter);

            ApplyOrderTests.AssertSameAnswers(bucketed, book, range, slice);
        }, iter: 300);
    }

    [Fact]
    public void The_tally_alone_of_a_range_is_the_tally_of_its_sum_in_either_form()
    {
        Gen.Select(Movements.Lists, Movements.BucketAfter, Queries.Ranges, Queries.Slices).Sample((movements, bucketAfter, range, slice) =>
        {
            var book = Movements.BookOf(movements, bucketAfter);

            Assert.Equal(book.Sum(range.From, range.To, slice).Tally, book.SumTally(range.From, range.To, slice));
        }, iter: 300);
    }

    [Fact]
    public void Hourly_series_of_either_form_are_the_same()
    {
        Gen.Select(Movements.Lists, Movements.BucketAfter, Queries.ShortRanges, Queries.Slices).Sample((movements, bucketAfter, range, slice) =>
        {
            var bucketed = Movements.BookOf(movements, bucketAfter: 0);
            var book = Movements.BookOf(movements, bucketAfter);

            Assert.Equal(
                bucketed.Series(range.From, range.To, Interval.Hour, slice),
                book.Series(range.From, range.To, Interval.Hour, slice));
        }, iter: 200);
    }

    [Fact]
    public void Either_form_counts_the_same_customers_when_they_are_too_many_to_count_exactly()
    {
        // Past 1,024 buyers a sum's customer set turns into registers; both forms must fill the same registers.
        Gen.Select(Movements.One(customers: 100_000).Array[1_500, 3_000], Gen.Int[0, 3_000], Queries.Ranges).Sample((movements, bucketAfter, range) =>
        {
            var bucketed = Movements.BookOf(movements, bucketAfter: 0);
            var book = Movements.BookOf(movements, bucketAfter);

            ApplyOrderTests.AssertSameAnswers(bucketed, book, range, Slice.Everything);
        }, iter: 10);
    }

    [Fact]
    public void A_book_buckets_its_movements_when_one_more_would_pass_the_threshold()
    {
        var hour = Cst.BucketOf(Interval.Hour, new DateTime(2017, 11, 11));
        var movements = Enumerable.Range(0, 6)
            .Select(i => new Movement(MovementKind.Sale, hour + i, Platform.Taobao, Category.Fruit, "melon", 1000, 1, 500, (ulong)i + 1))
            .ToArray();
        var book = new FiguresBook(bucketAfter: 5);
        foreach (var m in movements[..5])
        {
            book.Apply(m);
        }

        Assert.False(book.IsBucketed);
        Assert.False(FiguresBook.FromBytes(book.ToBytes()).IsBucketed);

        book.Apply(movements[5]);

        Assert.True(book.IsBucketed);
        Assert.True(FiguresBook.FromBytes(book.ToBytes()).IsBucketed);
        Assert.Equal(6, book.Sum(new DateTime(2017, 11, 11), new DateTime(2017, 11, 12), Slice.Everything).Tally.Orders);
        Assert.True(Movements.BookOf(movements[..1], bucketAfter: 0).IsBucketed);
    }

    [Fact]
    public void A_book_stored_in_the_buckets_only_format_of_earlier_builds_is_read()
    {
        // At least one movement: a book with none has not bucketed anything, whatever its threshold.
        Gen.Select(Movements.One(customers: 40).Array[1, 250], Queries.Ranges, Queries.Slices).Sample((movements, range, slice) =>
        {
            var book = Movements.BookOf(movements, bucketAfter: 0);

            var back = FiguresBook.FromBytes(BucketsOnlyFormat(book));

            Assert.True(back.IsBucketed);
            ApplyOrderTests.AssertSameAnswers(book, back, range, slice);
        }, iter: 100);
    }

    /// <summary>
    /// Format 1 is format 2 of a bucketed book without the byte that names the form: version, products, buckets,
    /// lifetime. Made from the current bytes, so the test needs no stored file.
    /// </summary>
    private static byte[] BucketsOnlyFormat(FiguresBook bucketed)
    {
        var bytes = bucketed.ToBytes();
        using var r = new BinaryReader(new MemoryStream(bytes));
        Assert.Equal(2, r.ReadByte());
        var products = r.ReadInt32();
        for (var i = 0; i < products; i++)
        {
            r.ReadString();
        }

        var formByte = (int)r.BaseStream.Position;
        Assert.True(r.ReadBoolean());
        var v1 = bytes[..formByte].Concat(bytes[(formByte + 1)..]).ToArray();
        v1[0] = 1;
        return v1;
    }
}
