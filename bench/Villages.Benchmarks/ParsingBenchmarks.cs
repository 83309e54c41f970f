using BenchmarkDotNet.Attributes;
using Villages.Domain.Ingest;

namespace Villages.Benchmarks;

/// <summary>
/// A 5,000-line sale batch through the gateway's CPU work before any grain is called (IngestEndpoints.Ingest):
/// BatchReader.TryRead splits the body into lines, then LineParser.TryParseSale validates each one.
/// Split alone is measured too, so the cost of JSON splitting and of field validation can be told apart.
/// One op is one batch: lines/s = 5,000 / mean.
/// </summary>
[MemoryDiagnoser]
public class ParsingBenchmarks
{
    public const int Lines = 5_000;

    private byte[] _body = [];

    public enum BodyFormat
    {
        JsonArray,
        Ndjson,
    }

    [ParamsAllValues]
    public BodyFormat Format { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var customers = Synthetic.Customers(20_000, seed: 1);
        var sales = Synthetic.Sales(Lines, new DateTimeOffset(2017, 11, 11, 0, 0, 0, TimeSpan.FromHours(8)), TimeSpan.FromDays(1), customers, seed: 2);
        _body = Synthetic.Body(sales, Format == BodyFormat.Ndjson);
        // Printed so that the run's log gives MB/s as well as lines/s.
        Console.WriteLine($"// {Format} body: {_body.Length:N0} B for {Lines:N0} lines");

        // A benchmark of a batch that is refused, or of lines that are rejected, would measure the wrong path.
        if (ReadAndValidate() != Lines)
        {
            throw new InvalidOperationException("The synthetic batch must be accepted whole.");
        }
    }

    [Benchmark(Baseline = true)]
    public int Read()
    {
        if (!BatchReader.TryRead(_body, Format == BodyFormat.Ndjson, out var lines, out var error))
        {
            throw new InvalidOperationException(error);
        }

        return lines.Count;
    }

    [Benchmark]
    public int ReadAndValidate()
    {
        if (!BatchReader.TryRead(_body, Format == BodyFormat.Ndjson, out var lines, out var error))
        {
            throw new InvalidOperationException(error);
        }

        var accepted = 0;
        foreach (var raw in lines)
        {
            if (LineParser.TryParseSale(raw, out _, out _))
            {
                accepted++;
            }
        }

        return accepted;
    }
}
