using CsCheck;
using Villages.Domain.Catalog;
using Villages.Domain.Figures;
using Villages.Domain.Hashing;
using Villages.Domain.Tests.Figures.Support;
using Villages.Domain.Time;

namespace Villages.Domain.Tests.Figures;

/// <summary>
/// A bucket keeps its slices' cells in key order in one array while they are few, and in a dictionary past that; a
/// bucket that sells up to a hundred slices in an hour, a day or a month answers every slice as the movements say,
/// before and after it changes form and after being stored in between.
/// </summary>
public class ManySliceBucketTests
{
    private static readonly int Hour = Cst.BucketOf(Interval.Hour, new DateTime(2017, 11, 11, 0, 0, 0));
    private static readonly Platform[] Platforms = [Platform.Taobao, Platform.Jd];

    // Three hours of one day, so that hours, the day, the month and the year all hold many slices.
    private static readonly Gen<Movement> Crowded =
        Gen.Select(Gen.Int[0, 2], Gen.OneOf(Platforms), Gen.Int[0, 49], Gen.Long[1, 100_000], Gen.Int[0, 30])
            .Select((hour, platform, product, amount, customer) => new Movement(
                MovementKind.Sale, Hour + hour, platform, product % 2 == 0 ? Category.Fruit : Category.Grain,
                $"p{product}", amount, 1, 500, CustomerHash.Of($"buyer-{customer}")));

    private static readonly Gen<Slice> AskedFor = Gen.Select(
        Gen.OneOf<Platform?>(null, Platform.Taobao, Platform.Jd),
        Gen.OneOf<Category?>(null, Category.Fruit, Category.Grain),
        Gen.OneOf<string?>(null, "p0", "p1", "p17", "p48", "p49", "p50"),
        (p, c, product) => new Slice(p, c, product));

    private static readonly (DateTime From, DateTime To)[] Ranges =
    [
        (Cst.HourStart(Hour), Cst.HourStart(Hour + 1)),
        (Cst.HourStart(Hour + 1), Cst.HourStart(Hour + 3)),
        (new DateTime(2017, 11, 11), new DateTime(2017, 11, 12)),
        (new DateTime(2017, 11, 1), new DateTime(2017, 12, 1)),
        (new DateTime(2017, 1, 1), new DateTime(2018, 1, 1)),
    ];

    [Fact]
    public void Buckets_of_many_slices_answer_every_slice_as_the_movements_say_in_memory_and_read_back()
    {
        Gen.Select(Crowded.Array[1, 400], Gen.Int[0, 399], AskedFor).Sample((movements, storedAfter, slice) =>
        {
            var book = new FiguresBook(bucketAfter: 0);
            for (var i = 0; i < movements.Length; i++)
            {
                book.Apply(movements[i]);
                if (i == storedAfter)
                {
                    book = FiguresBook.FromBytes(book.ToBytes());
                }
            }

            foreach (var candidate in new[] { book, FiguresBook.FromBytes(book.ToBytes()) })
            {
                foreach (var (from, to) in Ranges)
                {
                    var within = Oracle.Within(movements, from, to, slice);
                    var figures = candidate.FiguresOf(from, to, slice);
                    Assert.Equal(Oracle.TallyOf(within), figures.Tally);
                    Assert.Equal(Oracle.CustomersOf(within), figures.Customers);
                }
            }
        }, iter: 200);
    }
}
