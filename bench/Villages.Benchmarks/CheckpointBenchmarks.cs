using BenchmarkDotNet.Attributes;
using Villages.Domain.Figures;

namespace Villages.Benchmarks;

/// <summary>
/// A checkpoint of a year's book of national size (<see cref="YearOfFigures"/>: 547,500 sales): FiguresGrain turns the
/// whole book into bytes within its own turn, so queries to that grain wait for it; and reads it back on activation.
/// </summary>
[MemoryDiagnoser]
public class CheckpointBenchmarks
{
    private FiguresBook _book = new();
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup()
    {
        _book = YearOfFigures.Build(365, Synthetic.Customers(YearOfFigures.CustomerPool, seed: 7));
        _bytes = _book.ToBytes();
        Console.WriteLine($"// checkpoint of {_bytes.Length:N0} bytes");
    }

    [Benchmark(Baseline = true)]
    public int ToBytes() => _book.ToBytes().Length;

    /// <summary>As FiguresGrain writes it after its first checkpoint: the stream sized by the last one.</summary>
    [Benchmark]
    public int ToBytesSizedByTheLast() => _book.ToBytes(_bytes.Length).Length;

    [Benchmark]
    public bool FromBytes() => FiguresBook.FromBytes(_bytes).IsBucketed;
}
