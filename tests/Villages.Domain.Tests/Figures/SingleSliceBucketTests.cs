using Villages.Domain.Catalog;
using Villages.Domain.Figures;
using Villages.Domain.Tests.Figures.Support;
using Villages.Domain.Time;

namespace Villages.Domain.Tests.Figures;

/// <summary>
/// A bucket that has seen one slice keeps a single cell for it and for everything; these check the moment it meets a
/// second slice, in memory and after being stored in between, on books that bucket from their first movement.
/// </summary>
public class SingleSliceBucketTests
{
    private static readonly int Hour = Cst.BucketOf(Interval.Hour, new DateTime(2017, 11, 11, 10, 0, 0));
    private static readonly DateTime From = new(2017, 11, 11, 10, 0, 0);
    private static readonly DateTime To = new(2017, 11, 11, 11, 0, 0);

    private static readonly Movement Melon = new(MovementKind.Sale, Hour, Platform.Taobao, Category.Fruit, "melon", 4550, 3, 6000, 42);
    private static readonly Movement MelonAgain = new(MovementKind.Sale, Hour, Platform.Taobao, Category.Fruit, "melon", 1000, 1, 2000, 43);
    private static readonly Movement Quilt = new(MovementKind.Sale, Hour, Platform.Jd, Category.Textile, "quilt", 20000, 1, 1500, 42);

    [Fact]
    public void A_second_slice_in_a_bucket_leaves_the_first_slice_its_own_figures()
    {
        var book = Movements.BookOf([Melon, MelonAgain, Quilt], bucketAfter: 0);

        AssertSlices(book);
    }

    [Fact]
    public void A_bucket_stored_with_one_slice_splits_correctly_when_read_back_and_given_a_second()
    {
        var book = FiguresBook.FromBytes(Movements.BookOf([Melon, MelonAgain], bucketAfter: 0).ToBytes());
        book.Apply(Quilt);

        AssertSlices(book);
        AssertSlices(FiguresBook.FromBytes(book.ToBytes()));
    }

    private static void AssertSlices(FiguresBook book)
    {
        var melon = book.Sum(From, To, new Slice(null, null, "melon"));
        var quilt = book.Sum(From, To, new Slice(Platform.Jd, null, null));
        var all = book.Sum(From, To, Slice.Everything);

        Assert.Equal((5550L, 2L, 2L), (melon.Tally.Gross, melon.Tally.Orders, melon.Customers.Estimate()));
        Assert.Equal((20000L, 1L, 1L), (quilt.Tally.Gross, quilt.Tally.Orders, quilt.Customers.Estimate()));
        Assert.Equal((25550L, 3L, 2L), (all.Tally.Gross, all.Tally.Orders, all.Customers.Estimate()));
        Assert.Equal(0, book.Sum(From, To, new Slice(Platform.Wechat, null, null)).Tally.Orders);
    }
}
