using BenchmarkDotNet.Attributes;
using Villages.Domain.Figures;
using Villages.Domain.Time;

namespace Villages.Benchmarks;

/// <summary>
/// GET /api/{scope}/series?interval=day over a whole year, answered from a book that holds that year
/// (FiguresGrain.Series calls FiguresBook.Series, which reads each whole day's cell where it lies).
/// Per point the book sums the day's cells and the same day a year back, which this book lacks, as a scope's first year does.
/// </summary>
[MemoryDiagnoser]
public class SeriesBenchmarks
{
    private static readonly DateTime From = YearOfFigures.Start;
    private static readonly DateTime To = YearOfFigures.Start.AddYears(1);

    private FiguresBook _book = new();

    [GlobalSetup]
    public void Setup() => _book = YearOfFigures.Build(365, Synthetic.Customers(YearOfFigures.CustomerPool, seed: 7));

    [Benchmark(Baseline = true)]
    public int DailySeriesOfYear() => _book.Series(From, To, Interval.Day, Slice.Everything).Count;

    /// <summary>One product: every day's cells are found by scanning that day's slices, and their sketches merged.</summary>
    [Benchmark]
    public int DailySeriesOfYearOneProduct() => _book.Series(From, To, Interval.Day, new Slice(null, null, "apple")).Count;

    [Benchmark]
    public int MonthlySeriesOfYear() => _book.Series(From, To, Interval.Month, Slice.Everything).Count;
}
