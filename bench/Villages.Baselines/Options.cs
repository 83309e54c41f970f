using System.Globalization;

namespace Villages.Baselines;

/// <summary>Which baseline to run and how; read from the command line by <see cref="Parse"/>.</summary>
internal sealed record Options(
    string Baseline,
    string Input,
    string? ConnectionString,
    int Parallel,
    double ProbeQueriesPerSecond,
    string? JsonPath,
    int Warmups,
    int QueryRuns,
    TimeSpan QueryBudget,
    int FreshnessProbes)
{
    public const string Usage = """
        usage:
          Villages.Baselines postgres --input DIR --connection-string CS [--parallel 4] [--probe-queries RATE] [--json PATH]
          Villages.Baselines memory --input DIR [--json PATH]
          Villages.Baselines summarize --results DIR     (the results table of a bench/run folder, as markdown)
        options for both:
          --warmups N            runs of each query before timing (5)
          --query-runs N         timed runs of each query after ingest (200)
          --query-budget S       stop a query's timed runs after S seconds, if at least 10 ran (60)
        postgres only:
          --freshness-probes N   one-line commits each followed by the national query (50, within --query-budget)
        DIR holds sellers.csv and sales-000001.json, sales-000002.json, ... as `villages load --save` writes them.
        """;

    private static readonly HashSet<string> Valued =
        ["input", "connection-string", "parallel", "probe-queries", "json", "warmups", "query-runs", "query-budget", "freshness-probes"];

    /// <summary>Reads the command line; a typo or a missing value is an error, never a silent default.</summary>
    public static Options Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is not ("postgres" or "memory"))
        {
            throw new ArgumentException(args.Count == 0 ? "name a baseline: postgres or memory" : $"unknown baseline '{args[0]}'");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : null;
            if (name is null || !Valued.Contains(name))
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"--{name} needs a value");
            }

            if (!values.TryAdd(name, args[++i]))
            {
                throw new ArgumentException($"--{name} is given twice");
            }
        }

        var baseline = args[0];
        var input = values.GetValueOrDefault("input") ?? throw new ArgumentException("--input DIR is required");
        var connection = values.GetValueOrDefault("connection-string");
        if (baseline == "postgres" && connection is null)
        {
            throw new ArgumentException("--connection-string is required for the postgres baseline");
        }

        if (baseline == "memory" && (connection is not null || values.ContainsKey("parallel") || values.ContainsKey("probe-queries")
            || values.ContainsKey("freshness-probes")))
        {
            throw new ArgumentException("the memory baseline takes only --input, --json and the query options");
        }

        return new Options(
            baseline,
            input,
            connection,
            Number(values, "parallel", 4, min: 1),
            Rate(values, "probe-queries"),
            values.GetValueOrDefault("json"),
            Number(values, "warmups", 5, min: 0),
            Number(values, "query-runs", 200, min: 1),
            TimeSpan.FromSeconds(Number(values, "query-budget", 60, min: 1)),
            Number(values, "freshness-probes", 50, min: 1));
    }

    private static int Number(Dictionary<string, string> values, string name, int fallback, int min)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min
            ? n
            : throw new ArgumentException($"--{name} must be a whole number of at least {min}");
    }

    private static double Rate(Dictionary<string, string> values, string name)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return 0;
        }

        return double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var r) && r >= 0
            ? r
            : throw new ArgumentException($"--{name} must be a number of queries per second");
    }
}
