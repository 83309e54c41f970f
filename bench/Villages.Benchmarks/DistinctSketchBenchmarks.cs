using BenchmarkDotNet.Attributes;
using Villages.Domain.Hashing;
using Villages.Domain.Sketches;

namespace Villages.Benchmarks;

/// <summary>
/// The distinct-customer sketch in each of its phases: the exact set (up to 1,024 hashes), the switch to a
/// HyperLogLog, the HyperLogLog itself, merges (as FiguresBook.Sum merges cells into a fresh total) and the
/// checkpoint form (WriteTo/ReadFrom). Hashes are CustomerHash.Of real-looking tokens, as the ledger feeds them.
/// </summary>
[MemoryDiagnoser]
public class DistinctSketchBenchmarks
{
    private const int ExactAdds = 1_000;
    private const int DensifyingAdds = 2_000;
    private const int DenseAdds = 16_384;

    private ulong[] _hashes = [];
    private DistinctSketch _exact = new();
    private DistinctSketch _dense = new();
    private DistinctSketch _otherDense = new();
    private DistinctSketch _denseTarget = new();
    private byte[] _exactBytes = [];
    private byte[] _denseBytes = [];
    private readonly MemoryStream _stream = new();

    [GlobalSetup]
    public void Setup()
    {
        _hashes = [.. Synthetic.Customers(200_000, seed: 10).Select(CustomerHash.Of)];
        _exact = Sketch(0, ExactAdds);
        _dense = Sketch(0, 100_000);
        _otherDense = Sketch(50_000, 100_000);
        _denseTarget = _dense.Clone();
        _exactBytes = Bytes(_exact);
        _denseBytes = Bytes(_dense);
        // The sizes are fixed by the format, not timed; printed so the run's log carries them beside the times.
        Console.WriteLine($"// serialised size: exact with {ExactAdds} hashes = {_exactBytes.Length} B, dense = {_denseBytes.Length} B");
    }

    /// <summary>A new sketch taking 1,000 distinct buyers: probes into the open-addressing table, which doubles at three quarters full.</summary>
    [Benchmark(OperationsPerInvoke = ExactAdds)]
    public DistinctSketch AddExact()
    {
        var s = new DistinctSketch();
        for (var i = 0; i < ExactAdds; i++)
        {
            s.Add(_hashes[i]);
        }

        return s;
    }

    /// <summary>2,000 distinct buyers into a new sketch: the exact phase, the switch to 16 KiB of registers, then register updates.</summary>
    [Benchmark(OperationsPerInvoke = DensifyingAdds)]
    public DistinctSketch AddThroughDensify()
    {
        var s = new DistinctSketch();
        for (var i = 0; i < DensifyingAdds; i++)
        {
            s.Add(_hashes[i]);
        }

        return s;
    }

    /// <summary>Adds to a HyperLogLog that has seen 100,000 buyers; registers only rise, so repeats leave it unchanged.</summary>
    [Benchmark(OperationsPerInvoke = DenseAdds)]
    public DistinctSketch AddDense()
    {
        for (var i = 0; i < DenseAdds; i++)
        {
            _dense.Add(_hashes[100_000 + i]);
        }

        return _dense;
    }

    /// <summary>Union of two HyperLogLogs in place; a register-wise max, so repeating it measures the same work.</summary>
    [Benchmark]
    public DistinctSketch MergeDenseIntoDense()
    {
        _denseTarget.UnionWith(_otherDense);
        return _denseTarget;
    }

    /// <summary>What FiguresBook.Sum does with a dense cell: a fresh total turns dense (16 KiB) and takes the registers.</summary>
    [Benchmark]
    public DistinctSketch MergeDenseIntoNew()
    {
        var total = new DistinctSketch();
        total.UnionWith(_dense);
        return total;
    }

    /// <summary>What FiguresBook.Sum does with an exact cell: a fresh total adds each of its 1,000 hashes.</summary>
    [Benchmark]
    public DistinctSketch MergeExactIntoNew()
    {
        var total = new DistinctSketch();
        total.UnionWith(_exact);
        return total;
    }

    [Benchmark]
    public long EstimateExact() => _exact.Estimate();

    [Benchmark]
    public long EstimateDense() => _dense.Estimate();

    [Benchmark]
    public long WriteExact() => Write(_exact);

    [Benchmark]
    public long WriteDense() => Write(_dense);

    [Benchmark]
    public DistinctSketch ReadExact() => Read(_exactBytes);

    [Benchmark]
    public DistinctSketch ReadDense() => Read(_denseBytes);

    private DistinctSketch Sketch(int from, int count)
    {
        var s = new DistinctSketch();
        for (var i = from; i < from + count; i++)
        {
            s.Add(_hashes[i]);
        }

        return s;
    }

    // One stream reused, as a checkpoint's BinaryWriter writes many cells into one buffer; only the sketch is timed.
    private long Write(DistinctSketch sketch)
    {
        _stream.Position = 0;
        using var w = new BinaryWriter(_stream, System.Text.Encoding.UTF8, leaveOpen: true);
        sketch.WriteTo(w);
        return _stream.Position;
    }

    private static DistinctSketch Read(byte[] bytes)
    {
        using var r = new BinaryReader(new MemoryStream(bytes));
        return DistinctSketch.ReadFrom(r);
    }

    private static byte[] Bytes(DistinctSketch sketch)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            sketch.WriteTo(w);
        }

        return stream.ToArray();
    }
}
