using BenchmarkDotNet.Attributes;
using Villages.Domain.Figures;

namespace Villages.Benchmarks;

/// <summary>
/// A figures grain applying one roll-up delta (FiguresGrain.Apply: Book.Apply per entry). The delta's entries fall in
/// the 24 hours of one day and mix products, platforms and returning buyers, as a ledger's batch for a county does.
/// Two books: a fresh one (a grain's first delta) and one already holding the year up to that day (the steady state).
/// </summary>
/// <remarks>
/// Apply mutates the book, and applying the same delta twice would find every cell and every buyer already there, so
/// each measured invocation gets its own copy of the year's book, restored from its checkpoint bytes outside the
/// measurement. One invocation per iteration is the price of that; the deltas are large enough to be milliseconds.
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(1)]
public class RollupApplyBenchmarks
{
    private Movement[] _delta = [];
    private byte[] _yearCheckpoint = [];
    private FiguresBook _book = new();

    [Params(1_000, 10_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var customers = Synthetic.Customers(YearOfFigures.CustomerPool, seed: 7);
        // The year up to 31 December, and a delta for 31 December itself: new hour and day cells, existing month and year.
        _yearCheckpoint = YearOfFigures.Build(364, customers).ToBytes();
        // Not timed here, but what a checkpoint of such a grain writes; printed so the run's log carries it.
        Console.WriteLine($"// checkpoint of the year's book: {_yearCheckpoint.Length:N0} B");
        var day = YearOfFigures.Cst(YearOfFigures.Start.AddDays(364));
        _delta = Synthetic.Movements(Synthetic.Sales(Entries, day, TimeSpan.FromDays(1), customers, seed: 8), seed: 9);
    }

    [IterationSetup(Target = nameof(ApplyToEmptyBook))]
    public void NewBook() => _book = new FiguresBook();

    [IterationSetup(Target = nameof(ApplyToYearBook))]
    public void RestoreYearBook() => _book = FiguresBook.FromBytes(_yearCheckpoint);

    [Benchmark(Baseline = true)]
    public FiguresBook ApplyToEmptyBook() => ApplyDelta();

    [Benchmark]
    public FiguresBook ApplyToYearBook() => ApplyDelta();

    private FiguresBook ApplyDelta()
    {
        foreach (var m in _delta)
        {
            _book.Apply(m);
        }

        return _book;
    }
}
