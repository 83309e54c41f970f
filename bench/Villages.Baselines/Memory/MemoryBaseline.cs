using System.Diagnostics;
using Villages.Baselines.Input;
using Villages.Baselines.Measuring;
using Villages.Baselines.Queries;
using Villages.Baselines.Reporting;
using Villages.Domain.Ingest;

namespace Villages.Baselines.Memory;

/// <summary>
/// Baseline (d): the physical limit. Every batch is parsed first (timed apart, file reads not timed), then one thread
/// adds every line into <see cref="InMemoryRollup"/> (timed), then the three queries are answered from its dictionaries.
/// </summary>
internal static class MemoryBaseline
{
    public static async Task<BaselineReport> Run(Options options, TextWriter log)
    {
        var sellers = SellerTable.Read(options.Input);
        var files = SaleBatches.Files(options.Input);
        log.WriteLine($"{sellers.Count:N0} sellers, {files.Count:N0} batch files; parsing");

        var batches = new List<IReadOnlyList<SaleLine>>(files.Count);
        long lines = 0, rejected = 0;
        var parsing = TimeSpan.Zero;
        foreach (var file in files)
        {
            var body = File.ReadAllBytes(file);
            var t0 = Stopwatch.GetTimestamp();
            var batch = SaleBatches.Parse(file, body);
            parsing += Stopwatch.GetElapsedTime(t0);
            batches.Add(batch.Lines);
            lines += batch.Lines.Count;
            rejected += batch.Rejected;
        }

        log.WriteLine($"parsed {lines:N0} lines in {parsing.TotalSeconds:F2} s; aggregating");
        // Numbering the scopes is set-up from the seller table, like registering sellers; the parse phase's garbage is
        // collected before the clock starts so the loop is not charged for it.
        var rollup = new InMemoryRollup(sellers);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var started = Stopwatch.GetTimestamp();
        foreach (var batch in batches)
        {
            foreach (var line in batch)
            {
                rollup.Add(line);
            }
        }

        var aggregating = Stopwatch.GetElapsedTime(started);
        var accepted = lines - rollup.UnknownSeller;
        log.WriteLine($"aggregated in {aggregating.TotalSeconds:F2} s into {rollup.Cells:N0} cells; queries");

        var picker = new TargetPicker();
        rollup.CountInto(picker);
        var targets = picker.Pick();
        var (latencies, answers) = await IdleQueries.Measure(new InMemoryQueries(rollup), targets, options);
        var peak = ProcessMemory.Self()?.HighWaterBytes ?? 0;
        GC.KeepAlive(batches);
        return new BaselineReport
        {
            Baseline = "memory",
            Input = options.Input,
            Batches = files.Count,
            Lines = accepted,
            Rejected = rejected + rollup.UnknownSeller,
            IngestSeconds = (parsing + aggregating).TotalSeconds,
            IngestLinesPerSecond = lines / (parsing + aggregating).TotalSeconds,
            ParseLinesPerSecond = lines / parsing.TotalSeconds,
            AggregationLinesPerSecond = lines / aggregating.TotalSeconds,
            Targets = targets,
            Queries = latencies,
            PeakMemoryBytes = peak,
            PeakMemoryNote = "VmHWM of this process; it holds every parsed line as well as the dictionaries, since all batches are parsed before the loop",
            Answers = answers,
        };
    }
}
