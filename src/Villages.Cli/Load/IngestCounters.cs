using System.Collections.Concurrent;
using Villages.Cli.Wire;

namespace Villages.Cli.Load;

/// <summary>What the API answered to the batches, shared by the workers (hence Interlocked), with the first problems kept to print.</summary>
internal sealed class IngestCounters
{
    private const int ProblemsKept = 10;

    private readonly ConcurrentQueue<string> _problems = new();
    private long _lines;
    private long _accepted;
    private long _duplicates;
    private long _rejected;
    private long _batches;
    private long _failedBatches;
    private long _failedLines;

    /// <summary>Lines whose batch has been answered, whatever the answer.</summary>
    public long Lines => Interlocked.Read(ref _lines);

    public void Answered(LoadBatch batch, IngestAnswer answer)
    {
        Interlocked.Add(ref _lines, batch.Lines);
        Interlocked.Add(ref _accepted, answer.Accepted);
        Interlocked.Add(ref _duplicates, answer.Duplicates);
        Interlocked.Add(ref _rejected, answer.Rejected.Count);
        Interlocked.Increment(ref _batches);
        foreach (var line in answer.Rejected.Take(ProblemsKept))
        {
            Problem($"batch {batch.Number} (lines from {batch.FirstLine + 1}) rejected {line}");
        }

        var unexplained = batch.Lines - answer.Accepted - answer.Duplicates - answer.Rejected.Count;
        if (unexplained != 0)
        {
            Interlocked.Add(ref _failedLines, Math.Abs(unexplained));
            Interlocked.Increment(ref _failedBatches);
            Problem($"batch {batch.Number}: the API accounted for {batch.Lines - unexplained} of its {batch.Lines} lines");
        }
    }

    public void Failed(LoadBatch batch, string why)
    {
        Interlocked.Add(ref _lines, batch.Lines);
        Interlocked.Add(ref _failedLines, batch.Lines);
        Interlocked.Increment(ref _batches);
        Interlocked.Increment(ref _failedBatches);
        Problem($"batch {batch.Number} (lines from {batch.FirstLine + 1}): {why}");
    }

    public IngestResult Result(int retries, TimeSpan elapsed, long generatedAhead, LatencySummary? latency) => new(
        _lines,
        _accepted,
        _duplicates,
        _rejected,
        _batches,
        _failedBatches,
        _failedLines,
        retries,
        Math.Round(elapsed.TotalSeconds, 3),
        elapsed > TimeSpan.Zero ? Math.Round(_lines / elapsed.TotalSeconds, 1) : 0,
        generatedAhead,
        latency,
        [.. _problems]);

    private void Problem(string text)
    {
        if (_problems.Count < ProblemsKept)
        {
            _problems.Enqueue(text);
        }
    }
}
