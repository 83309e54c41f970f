using CsCheck;
using Villages.Domain.Catalog;
using Villages.Domain.Figures;
using Villages.Domain.Tests.Figures.Support;
using Villages.Domain.Time;

namespace Villages.Domain.Tests.Figures;

public class BookSerializationTests
{
    [Fact]
    public void A_book_read_back_gives_the_same_answers()
    {
        Gen.Select(Movements.Lists, Movements.BucketAfter, Queries.Ranges, Queries.Slices).Sample((movements, bucketAfter, range, slice) =>
        {
            var book = Movements.BookOf(movements, bucketAfter);

            var back = FiguresBook.FromBytes(book.ToBytes());

            Assert.Equal(book.IsBucketed, back.IsBucketed);
            ApplyOrderTests.AssertSameAnswers(book, back, range, slice);
        }, iter: 200);
    }

    [Fact]
    public void A_size_hint_changes_nothing_in_the_bytes()
    {
        Gen.Select(Movements.Lists, Movements.BucketAfter, Gen.Int[0, 40_000]).Sample((movements, bucketAfter, hint) =>
        {
            var book = Movements.BookOf(movements, bucketAfter);

            Assert.Equal(book.ToBytes(), book.ToBytes(hint));
        }, iter: 200);
    }

    [Fact]
    public void A_book_read_back_keeps_taking_movements_as_if_never_stored()
    {
        // Products are stored by number; a reloaded book must hand out the same numbers and new ones after them.
        var newProducts = Movements.Lists.Select(list => list.Select((m, i) => i % 3 == 0 ? m with { Product = "dried-apricot" } : m).ToArray());
        Gen.Select(Movements.Lists, newProducts, Queries.Ranges, Queries.Slices).Sample((before, after, range, slice) =>
        {
            var reloaded = FiguresBook.FromBytes(Movements.BookOf(before).ToBytes());
            foreach (var m in after)
            {
                reloaded.Apply(m);
            }

            var whole = Movements.BookOf(before.Concat(after));
            ApplyOrderTests.AssertSameAnswers(whole, reloaded, range, slice);
            ApplyOrderTests.AssertSameAnswers(whole, reloaded, range, new Slice(null, null, "dried-apricot"));
        }, iter: 100);
    }

    [Fact]
    public void No_bytes_are_an_empty_book()
    {
        Assert.Equal(default, FiguresBook.FromBytes(null).Lifetime.ToFigures());
        Assert.Equal(default, FiguresBook.FromBytes([]).Lifetime.ToFigures());
    }

    [Fact]
    public void Bytes_of_another_format_are_refused_rather_than_misread()
    {
        var bytes = new FiguresBook().ToBytes();
        bytes[0] = 99;

        Assert.Throws<InvalidDataException>(() => FiguresBook.FromBytes(bytes));
    }

    [Fact]
    public void A_series_cell_read_back_is_the_same_cell()
    {
        Gen.Select(Movements.Lists, Queries.Ranges).Sample((movements, range) =>
        {
            var book = Movements.BookOf(movements);
            foreach (var cell in book.SeriesCells(range.From, range.To, Interval.Year, new Slice(Platform.Taobao, null, null)))
            {
                var back = SeriesCell.FromBytes(cell.ToBytes());
                Assert.Equal(cell.Start, back.Start);
                Assert.Equal(cell.LastYearNet, back.LastYearNet);
                Assert.Equal(cell.Cell.ToFigures(), back.Cell.ToFigures());
                Assert.Equal(cell.Cell.ToBytes(), back.Cell.ToBytes());
            }
        }, iter: 50);
    }
}
