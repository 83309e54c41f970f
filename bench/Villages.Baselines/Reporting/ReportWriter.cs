using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Villages.Baselines.Queries;
using Villages.Domain.Money;

namespace Villages.Baselines.Reporting;

/// <summary>
/// The report twice: a summary for people on stdout and the same figures as one JSON object. Numbers print in the
/// invariant culture, the only one a build with InvariantGlobalization has.
/// </summary>
internal static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static async Task WriteJson(BaselineReport report, string path)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, report, Json);
    }

    public static void WriteSummary(BaselineReport r, TextWriter o)
    {
        o.WriteLine($"== {r.Baseline} baseline: {r.Lines:N0} lines in {r.Batches:N0} batches from {r.Input}");
        o.WriteLine($"rejected {r.Rejected:N0}, duplicates {r.Duplicates:N0}");
        if (r.AggregationLinesPerSecond is { } aggregation)
        {
            o.WriteLine($"parse (domain parser, 1 thread)    {r.ParseLinesPerSecond,14:N0} lines/s");
            o.WriteLine($"aggregate (dictionaries, 1 thread) {aggregation,14:N0} lines/s");
            o.WriteLine($"parse + aggregate                  {r.IngestLinesPerSecond,14:N0} lines/s  ({r.IngestSeconds:F2} s)");
        }
        else
        {
            o.WriteLine($"ingest ({r.Parallel} connections, COPY + commit a batch) {r.IngestLinesPerSecond:N0} lines/s  ({r.IngestSeconds:F2} s)");
            o.WriteLine($"batch acknowledgement (parse + COPY + commit): {r.BatchAck}");
        }

        o.WriteLine($"targets: county {r.Targets.County} in {r.Targets.Year}, village {r.Targets.Village}");
        Latencies(o, "queries after ingest", r.Queries);
        if (r.QueriesUnderLoad is { } underLoad)
        {
            Latencies(o, $"queries under ingest load ({r.ProbeQueriesPerSecond} a second, in turn)", underLoad);
        }

        if (r.Freshness is { } freshness)
        {
            o.WriteLine($"freshness (commit -> national total shows it): {freshness}");
        }

        o.WriteLine($"peak memory {Mib(r.PeakMemoryBytes)}"
            + (r.PeakMemorySharedCountedOnceBytes is { } once ? $" (shared memory counted once: {Mib(once)})" : ""));
        o.WriteLine($"  {r.PeakMemoryNote}");
        if (r.Server is { } s)
        {
            o.WriteLine($"server: {s.Version}");
            o.WriteLine($"  synchronous_commit={s.SynchronousCommit} fsync={s.Fsync} shared_buffers={s.SharedBuffers} "
                + $"max_parallel_workers_per_gather={s.MaxParallelWorkersPerGather} work_mem={s.WorkMem}; sales table {Mib(s.SalesTableBytes)}; ANALYZE {s.AnalyzeSeconds:F2} s");
            foreach (var index in s.Indexes)
            {
                o.WriteLine($"  index {index}");
            }
        }

        Answers(o, r.Answers);
    }

    private static void Latencies(TextWriter o, string title, QueryLatencies q)
    {
        o.WriteLine(title + ":");
        o.WriteLine($"  national total    {q.National?.ToString() ?? "not run"}");
        o.WriteLine($"  county series     {q.CountySeries?.ToString() ?? "not run"}");
        o.WriteLine($"  village children  {q.VillageChildren?.ToString() ?? "not run"}");
    }

    private static void Answers(TextWriter o, QueryAnswers a)
    {
        var n = a.National;
        o.WriteLine($"answers: nation gross {Fen.ToYuan(n.GrossFen)} yuan, orders {n.Orders:N0}, items {n.Items:N0}, customers {n.Customers:N0}");
        var s = a.CountySeries;
        o.WriteLine($"  county series: {s.Days} days, gross {Fen.ToYuan(s.GrossFen)} yuan, orders {s.Orders:N0}, busiest {s.BusiestDay:yyyy-MM-dd} ({Fen.ToYuan(s.BusiestDayGrossFen)} yuan)");
        o.WriteLine($"  village children: " + string.Join(", ", a.VillageChildren.Select(r => $"{r.SellerId} {Fen.ToYuan(r.NetFen)}")));
    }

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F1} MiB");
}
