using System.Globalization;
using Villages.Domain.Figures;

namespace Villages.Benchmarks;

/// <summary>
/// What a figures book keeps in memory for a given number of sales over a year, in the form it takes by itself and
/// bucketed from its first sale (every book's form before small books kept their movements):
/// <c>dotnet run -c Release --project bench/Villages.Benchmarks -- book-memory</c>.
/// </summary>
/// <remarks>
/// Not a BenchmarkDotNet job: it reports what is allocated, and what matters here is what stays, which the
/// collector's total after a full collection shows. Many books are built per row so that one book's rounding
/// disappears; the sales are the benchmarks' synthetic ones (22 products, buyers from a pool of 100,000).
/// </remarks>
internal static class BookMemory
{
    private static readonly int[] SalesPerBook = [1, 3, 10, 100, 1_000, 10_000];

    public static void Run()
    {
        var customers = Synthetic.Customers(100_000, seed: 7);
        Console.WriteLine("| sales in a book | books measured | bytes a book, own form | form | bytes a book, bucketed from the first sale |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var n in SalesPerBook)
        {
            var books = Math.Max(20, 200_000 / n);
            var movements = Synthetic.Movements(
                Synthetic.Sales(n * books, YearOfFigures.Cst(YearOfFigures.Start), TimeSpan.FromDays(365), customers, seed: n), seed: n);
            var (own, bucketed) = (BytesPerBook(movements, n, books, FiguresBook.DefaultBucketAfter), BytesPerBook(movements, n, books, 0));
            var form = n > FiguresBook.DefaultBucketAfter ? "bucketed" : "kept";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {n:N0} | {books:N0} | {own:N0} | {form} | {bucketed:N0} |"));
        }
    }

    private static long BytesPerBook(Movement[] movements, int salesPerBook, int books, int bucketAfter)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var built = new FiguresBook[books];
        for (var b = 0; b < books; b++)
        {
            built[b] = new FiguresBook(bucketAfter);
            foreach (var m in movements.AsSpan(b * salesPerBook, salesPerBook))
            {
                built[b].Apply(m);
            }
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(built);
        return (after - before) / books;
    }
}
