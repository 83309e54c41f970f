using CsCheck;
using Villages.Domain.Catalog;
using Villages.Domain.Figures;
using Villages.Domain.Tests.Figures.Support;
using Villages.Domain.Time;

namespace Villages.Domain.Tests.Figures;

public class FiguresSumTests
{
    [Fact]
    public void Sum_is_the_total_of_the_movements_whose_hour_starts_in_the_range_and_that_match_the_slice()
    {
        Gen.Select(Movements.Lists, Movements.BucketAfter, Queries.Ranges, Queries.Slices).Sample((movements, bucketAfter, range, slice) =>
        {
            var book = Movements.BookOf(movements, bucketAfter);

            var sum = book.Sum(range.From, range.To, slice);

            var expected = Oracle.Within(movements, range.From, range.To, slice);
            Assert.Equal(Oracle.TallyOf(expected), sum.Tally);
            Assert.Equal(Oracle.CustomersOf(expected), sum.Customers.Estimate());
        }, iter: 500);
    }

    [Fact]
    public void A_book_of_many_products_sums_each_product_apart()
    {
        // Past eight products a book looks them up through an index instead of its list; both must number alike.
        var products = Enumerable.Range(0, 20).Select(i => $"product-{i}").ToArray();
        var manyProducts = Gen.Select(Movements.One(customers: 40), Gen.OneOf(products), (m, product) => m with { Product = product }).Array[0, 250];
        Gen.Select(manyProducts, Movements.BucketAfter, Gen.OneOf(products), Queries.Ranges).Sample((movements, bucketAfter, product, range) =>
        {
            var book = Movements.BookOf(movements, bucketAfter);
            var slice = new Slice(null, null, product);

            var expected = Oracle.Within(movements, range.From, range.To, slice);
            Assert.Equal(Oracle.TallyOf(expected), book.Sum(range.From, range.To, slice).Tally);
            Assert.Equal(Oracle.TallyOf(expected), FiguresBook.FromBytes(book.ToBytes()).Sum(range.From, range.To, slice).Tally);
        }, iter: 300);
    }

    [Fact]
    public void Sum_over_all_time_is_the_lifetime_cell()
    {
        Movements.Lists.Sample(movements =>
        {
            var book = Movements.BookOf(movements);

            var all = book.Sum(new DateTime(2000, 1, 1), new DateTime(2030, 1, 1), Slice.Everything);

            Assert.Equal(Oracle.TallyOf(movements), book.Lifetime.Tally);
            Assert.Equal(book.Lifetime.Tally, all.Tally);
            Assert.Equal(Oracle.CustomersOf(movements), book.Lifetime.Customers.Estimate());
        });
    }

    [Fact]
    public void The_slices_of_one_dimension_add_up_to_everything()
    {
        Gen.Select(Movements.Lists, Queries.Ranges).Sample((movements, range) =>
        {
            var book = Movements.BookOf(movements);
            var everything = book.Sum(range.From, range.To, Slice.Everything).Tally;

            var byPlatform = new Tally();
            foreach (var p in Enum.GetValues<Platform>())
            {
                byPlatform.Add(book.Sum(range.From, range.To, new Slice(p, null, null)).Tally);
            }

            var byProduct = new Tally();
            foreach (var product in Movements.Products)
            {
                byProduct.Add(book.Sum(range.From, range.To, new Slice(null, null, product)).Tally);
            }

            Assert.Equal(everything, byPlatform);
            Assert.Equal(everything, byProduct);
        });
    }

    [Fact]
    public void An_hour_counts_when_its_start_is_inside_the_range()
    {
        var book = Movements.BookOf([Sale(new DateTime(2017, 11, 11, 10, 0, 0), fen: 4550)]);

        Assert.Equal(4550, Gross(book, new DateTime(2017, 11, 11, 10, 0, 0), new DateTime(2017, 11, 11, 11, 0, 0)));
        Assert.Equal(4550, Gross(book, new DateTime(2017, 11, 11, 9, 30, 0), new DateTime(2017, 11, 11, 10, 0, 0, 1)));
        Assert.Equal(0, Gross(book, new DateTime(2017, 11, 11, 10, 0, 0, 1), new DateTime(2017, 11, 11, 12, 0, 0)));
        Assert.Equal(0, Gross(book, new DateTime(2017, 11, 11, 9, 0, 0), new DateTime(2017, 11, 11, 10, 0, 0)));
    }

    [Fact]
    public void A_range_that_ends_before_it_starts_is_empty()
    {
        var book = Movements.BookOf([Sale(new DateTime(2017, 11, 11, 10, 0, 0), fen: 4550)]);

        Assert.Equal(0, Gross(book, new DateTime(2018, 1, 1), new DateTime(2017, 1, 1)));
    }

    [Fact]
    public void A_product_never_sold_has_zero_figures()
    {
        var book = Movements.BookOf([Sale(new DateTime(2017, 11, 11, 10, 0, 0), fen: 4550)]);

        var sum = book.Sum(new DateTime(2017, 1, 1), new DateTime(2018, 1, 1), new Slice(null, null, "durian"));

        Assert.Equal(default, sum.Tally);
        Assert.Equal(0, sum.Customers.Estimate());
    }

    [Fact]
    public void A_refund_counts_money_and_items_returned_but_no_order_or_customer()
    {
        var hour = Cst.BucketOf(Interval.Hour, new DateTime(2017, 11, 11, 10, 0, 0));
        var book = Movements.BookOf(
        [
            new Movement(MovementKind.Sale, hour, Platform.Taobao, Category.Fruit, "melon", 4550, 3, 6000, 42),
            new Movement(MovementKind.Refund, hour, Platform.Taobao, Category.Fruit, "melon", 1550, 1, 0, 0),
        ]);

        var sum = book.Sum(new DateTime(2017, 11, 11), new DateTime(2017, 11, 12), Slice.Everything);

        Assert.Equal(new Tally(Gross: 4550, Refunds: 1550, Orders: 1, Items: 3, ItemsReturned: 1, WeightGrams: 6000), sum.Tally);
        Assert.Equal(3000, sum.Tally.Net);
        Assert.Equal(1, sum.Customers.Estimate());
    }

    private static long Gross(FiguresBook book, DateTime from, DateTime to) => book.Sum(from, to, Slice.Everything).Tally.Gross;

    private static Movement Sale(DateTime wallClock, long fen) =>
        new(MovementKind.Sale, Cst.BucketOf(Interval.Hour, wallClock), Platform.Taobao, Category.Fruit, "melon", fen, 1, 0, 1);
}
