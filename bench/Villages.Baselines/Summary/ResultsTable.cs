using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Villages.Baselines.Summary;

/// <summary>
/// The results table of docs/benchmarks.md, from the JSON files one bench/run leaves behind: for each measure and
/// contender, the median over the runs (with the range), and the ratios of Villages embedded against both baselines.
/// </summary>
internal static class ResultsTable
{
    private static readonly string[] Contenders = ["embedded", "cluster", "postgres", "memory"];

    public static string Build(string folder)
    {
        var runs = Contenders.ToDictionary(c => c, c => Runs(folder, c));
        var rows = new List<(string Measure, Func<Run, double?> Value, bool HigherIsBetter)>
        {
            ("ingest, lines/s (durable acknowledgements; in-memory: not durable)", r => r.Number("ingest.linesPerSecond", "ingestLinesPerSecond", "aggregationLinesPerSecond"), true),
            ("seller registration, sellers/s", r => r.Number("registration.sellersPerSecond"), true),
            ("backlog after flat-out ingest: last acknowledgement → settled, s", r => r.Number("settle:settleSeconds"), false),
            ("national total p50 ms, idle", r => r.Idle("national", "p50Ms"), false),
            ("national total p99 ms, idle", r => r.Idle("national", "p99Ms"), false),
            ("county daily series (a year) p50 ms, idle", r => r.Idle("countySeries", "p50Ms"), false),
            ("county daily series (a year) p99 ms, idle", r => r.Idle("countySeries", "p99Ms"), false),
            ("village children ranking p50 ms, idle", r => r.Idle("villageChildren", "p50Ms"), false),
            ("village children ranking p99 ms, idle", r => r.Idle("villageChildren", "p99Ms"), false),
            ("ingest under the query load, lines/s (half the flat-out rate)", r => r.Number("half:ingest.linesPerSecond"), true),
            ("national total p99 ms, under ingest", r => r.UnderLoad("national", "p99Ms"), false),
            ("county daily series p99 ms, under ingest", r => r.UnderLoad("countySeries", "p99Ms"), false),
            ("village children ranking p99 ms, under ingest", r => r.UnderLoad("villageChildren", "p99Ms"), false),
            ("freshness p50 ms (acknowledged → counted at the nation)", r => r.Number("half:freshness.latency.p50Ms", "freshness.p50Ms"), false),
            ("freshness p99 ms", r => r.Number("half:freshness.latency.p99Ms", "freshness.p99Ms"), false),
            ("peak memory, MiB (resident, summed over the contender's own processes)", r => r.Number("memory:peakMemoryBytes", "peakMemorySharedCountedOnceBytes", "peakMemoryBytes") / (1024.0 * 1024), false),
            ("peak memory of its PostgreSQL server, MiB (VmHWM summed over its processes)", r => r.Number("memory:databaseMemoryBytes") / (1024.0 * 1024), false),
        };

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Runs: {string.Join(", ", Contenders.Select(c => $"{c} {runs[c].Count}"))}. Each cell: median (min–max).");
        text.AppendLine();
        text.AppendLine("| measure | Villages embedded | Villages cluster | PostgreSQL COPY + SQL | in-memory loop | embedded ÷ PostgreSQL | embedded ÷ in-memory |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var (measure, value, _) in rows)
        {
            var medians = Contenders.ToDictionary(c => c, c => Median(runs[c].Select(value)));
            text.Append(CultureInfo.InvariantCulture, $"| {measure} |");
            foreach (var c in Contenders)
            {
                text.Append(CultureInfo.InvariantCulture, $" {Cell(runs[c].Select(value).ToList())} |");
            }

            text.AppendLine(CultureInfo.InvariantCulture, $" {Ratio(medians["embedded"], medians["postgres"])} | {Ratio(medians["embedded"], medians["memory"])} |");
        }

        return text.ToString();
    }

    private static List<Run> Runs(string folder, string contender)
    {
        var runs = new List<Run>();
        for (var n = 1; ; n++)
        {
            var files = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
            foreach (var (part, suffix) in new[] { ("", $"{contender}-{n}.json"), ("", $"{contender}-{n}-ingest.json"), ("idle", $"{contender}-{n}-idle.json"), ("half", $"{contender}-{n}-half.json"), ("memory", $"{contender}-{n}-memory.json"), ("settle", $"{contender}-{n}-settle.json") })
            {
                var path = Path.Combine(folder, suffix);
                if (File.Exists(path))
                {
                    files[part] = JsonNode.Parse(File.ReadAllText(path))!;
                }
            }

            if (files.Count == 0)
            {
                return runs;
            }

            runs.Add(new Run(files));
        }
    }

    private static double? Median(IEnumerable<double?> values)
    {
        var sorted = values.OfType<double>().Order().ToList();
        return sorted.Count == 0 ? null : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Cell(List<double?> values)
    {
        var present = values.OfType<double>().ToList();
        if (present.Count == 0)
        {
            return "–";
        }

        var median = Median(values)!.Value;
        return present.Count == 1 ? Format(median) : $"{Format(median)} ({Format(present.Min())}–{Format(present.Max())})";
    }

    private static string Ratio(double? a, double? b) => a is { } x && b is { } y && y != 0 ? (x / y).ToString("0.###", CultureInfo.InvariantCulture) : "–";

    private static string Format(double v) => v switch
    {
        >= 1000 => v.ToString("#,0", CultureInfo.InvariantCulture),
        >= 10 => v.ToString("0.#", CultureInfo.InvariantCulture),
        >= 0.01 or 0 => v.ToString("0.###", CultureInfo.InvariantCulture),
        _ => v.ToString("0.######", CultureInfo.InvariantCulture),
    };

    /// <summary>One run of one contender: its JSON files by part ("" for the main one, then idle, half, memory).</summary>
    private sealed class Run(Dictionary<string, JsonNode> files)
    {
        /// <summary>The first of the paths that has a number; "part:" picks the file, the rest is a dotted path in it.</summary>
        public double? Number(params string[] paths)
        {
            foreach (var path in paths)
            {
                var (part, dotted) = path.Contains(':') ? (path[..path.IndexOf(':')], path[(path.IndexOf(':') + 1)..]) : ("", path);
                JsonNode? node = files.GetValueOrDefault(part);
                foreach (var name in dotted.Split('.'))
                {
                    node = node is JsonObject o ? o[name] : null;
                }

                if (node is JsonValue v && v.TryGetValue<double>(out var d))
                {
                    return d;
                }
            }

            return null;
        }

        // Villages' load command nests latencies under queries.X.latency; the baselines write queries.X directly.
        public double? Idle(string query, string figure) => Number($"idle:queries.{query}.latency.{figure}", $"queries.{query}.{figure}");

        public double? UnderLoad(string query, string figure) => Number($"half:queries.{query}.latency.{figure}", $"queriesUnderLoad.{query}.{figure}");
    }
}
