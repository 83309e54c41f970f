using Villages.Cli.Load;

namespace Villages.Cli.CommandLine;

/// <summary>The typed options of <c>villages load</c>; contradictory combinations are usage errors, never guesses.</summary>
public sealed record LoadArguments(
    LoadPlanOptions Plan,
    Uri Url,
    long? Count,
    TimeSpan? Duration,
    double? Rate,
    int BatchSize,
    int Parallelism,
    bool SkipRegister,
    double? ProbeQueries,
    int ProbeFreshness,
    string? JsonPath,
    string? SaveFolder,
    bool NoPost,
    bool QueriesOnly)
{
    public const long DefaultLines = 100_000;
    public const long DefaultQueries = 300;

    /// <summary>The API takes batches of up to 10,000 lines.</summary>
    public const int MaxBatchSize = 10_000;

    public static readonly IReadOnlySet<string> Valued = new HashSet<string>(
    [
        "url", "seed", "run", "sellers", "villages", "config-folder", "year", "count", "duration", "rate", "batch-size", "parallel",
        "probe-queries", "probe-freshness", "json", "save",
    ]);

    public static readonly IReadOnlySet<string> Flags = new HashSet<string>(["skip-register", "no-post", "queries-only"]);

    public bool Posts => !NoPost && !QueriesOnly;

    public static LoadArguments From(Arguments args)
    {
        var run = args.Value("run") ?? "1";
        if (run.Length > LoadPlanOptions.MaxRunLength || !Domain.Catalog.CatalogNames.IsProductSlug(run))
        {
            throw new UsageException(
                $"--run must be a lowercase slug of at most {LoadPlanOptions.MaxRunLength} letters, digits and single hyphens (it goes into sale ids and probe products), not '{run}'");
        }

        var plan = new LoadPlanOptions(
            OptionValues.Integer(args, "seed", 1, 0, int.MaxValue),
            run,
            OptionValues.Integer(args, "sellers", 10_000, 1, LoadPlanOptions.MaxSellers),
            // The series query asks for [year, year + 1), and sale times must stay before 2100.
            OptionValues.Integer(args, "year", 2017, 2000, 2098),
            args.Value("config-folder"),
            args.Value("villages"));
        var noPost = args.Has("no-post");
        var queriesOnly = args.Has("queries-only");
        var count = OptionValues.Long(args, "count", 1, 10_000_000_000);
        var duration = OptionValues.Positive(args, "duration", 7 * 24 * 3600);
        var rate = OptionValues.Positive(args, "rate", 100_000_000);
        var probeQueries = OptionValues.Positive(args, "probe-queries", 10_000);
        var probeFreshness = OptionValues.Integer(args, "probe-freshness", 0, 1, 10_000);
        var save = args.Value("save");

        if (noPost && queriesOnly)
        {
            throw new UsageException("--no-post and --queries-only exclude each other");
        }

        if (noPost && save is null)
        {
            throw new UsageException("--no-post needs --save DIR: it only writes what would be posted");
        }

        if (save is not null && duration is not null)
        {
            throw new UsageException("--save needs a fixed number of lines: give --count, not --duration");
        }

        if (noPost && (probeQueries is not null || probeFreshness > 0 || rate is not null || args.Has("skip-register")))
        {
            throw new UsageException("--no-post sends nothing: --rate, --probe-queries, --probe-freshness and --skip-register do not apply");
        }

        if (queriesOnly && (save is not null || rate is not null || args.Has("skip-register") || args.Has("batch-size")))
        {
            throw new UsageException("--queries-only posts no lines: --save, --rate, --batch-size and --skip-register do not apply");
        }

        if (count is null && duration is null)
        {
            count = queriesOnly ? DefaultQueries : DefaultLines;
        }

        return new LoadArguments(
            plan,
            OptionValues.Url(args),
            count,
            duration is { } d ? TimeSpan.FromSeconds((double)d) : null,
            (double?)rate,
            OptionValues.Integer(args, "batch-size", 5_000, 1, MaxBatchSize),
            OptionValues.Integer(args, "parallel", 4, 1, 64),
            args.Has("skip-register"),
            (double?)probeQueries,
            probeFreshness,
            args.Value("json"),
            save,
            noPost,
            queriesOnly);
    }
}
