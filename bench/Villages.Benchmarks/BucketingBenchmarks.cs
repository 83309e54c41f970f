using System.Globalization;
using BenchmarkDotNet.Attributes;
using Villages.Domain.Hashing;
using Villages.Domain.Time;

namespace Villages.Benchmarks;

/// <summary>
/// The per-line bucketing a ledger does for every accepted sale (its RollupEntry): the CST hour of the sale's time and
/// the 64-bit hash of its buyer, plus the coarser buckets FiguresBook.Apply derives from that hour in every grain.
/// Each op is one line: every invocation walks <see cref="Count"/> different inputs, so no branch or cache sees one value.
/// </summary>
[MemoryDiagnoser]
public class BucketingBenchmarks
{
    private const int Count = 4_096;

    private DateTimeOffset[] _instants = [];
    private string[] _times = [];
    private string[] _customers = [];
    private int[] _hours = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        var start = new DateTimeOffset(2017, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _instants = new DateTimeOffset[Count];
        _times = new string[Count];
        for (var i = 0; i < Count; i++)
        {
            // Offsets as clients send them: mostly CST, some UTC, a few others, since the bucket is always CST.
            var offset = (i % 4) switch { 0 => TimeSpan.Zero, 1 => TimeSpan.FromHours(-5), _ => Cst.Offset };
            _instants[i] = (start + TimeSpan.FromSeconds(random.Next(366 * 24 * 3600))).ToOffset(offset);
            _times[i] = _instants[i].ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        }

        _customers = Synthetic.Customers(Count, seed: 4);
        _hours = [.. _instants.Select(Cst.HourOf)];
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int HourOfInstant()
    {
        var sum = 0;
        foreach (var t in _instants)
        {
            sum += Cst.HourOf(t);
        }

        return sum;
    }

    /// <summary>The "time" field as it arrives: validated and parsed (EventTime, as FieldReader does), then bucketed.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int HourOfEventText()
    {
        var sum = 0;
        foreach (var text in _times)
        {
            if (EventTime.TryParse(text, out var t, out _))
            {
                sum += Cst.HourOf(t);
            }
        }

        return sum;
    }

    /// <summary>The day, month and year of an hour bucket, which FiguresBook.Apply computes per movement in every grain.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int CoarserBucketsOfHour()
    {
        var sum = 0;
        foreach (var hour in _hours)
        {
            var start = Cst.HourStart(hour);
            sum += Cst.BucketOf(Interval.Day, start) + Cst.BucketOf(Interval.Month, start) + Cst.BucketOf(Interval.Year, start);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public ulong CustomerHashOf()
    {
        var sum = 0UL;
        foreach (var token in _customers)
        {
            sum += CustomerHash.Of(token);
        }

        return sum;
    }
}
