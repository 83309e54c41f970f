using System.Globalization;
using Villages.Cli.Posting;
using Villages.Cli.Scenarios;

namespace Villages.Cli.CommandLine;

/// <summary>The typed options of <c>villages scenario</c>.</summary>
public sealed record ScenarioArguments(ScenarioOptions Scenario, Uri Url, int BatchSize, int Parallelism, bool DryRun, bool Verify = false)
{
    public static readonly IReadOnlySet<string> Valued = new HashSet<string>(["scale", "url", "seed", "config-folder", "villages", "batch-size", "parallel"]);
    public static readonly IReadOnlySet<string> Flags = new HashSet<string>(["dry-run", "verify"]);

    public static ScenarioArguments From(Arguments args)
    {
        var scaleText = args.Value("scale") ?? throw new UsageException("--scale is required");
        if (!decimal.TryParse(scaleText, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale)
            || scale < ScenarioOptions.MinScale || scale > ScenarioOptions.MaxScale)
        {
            throw new UsageException($"--scale must be a number from {ScenarioOptions.MinScale} to {ScenarioOptions.MaxScale}, not '{scaleText}'");
        }

        return new ScenarioArguments(
            new ScenarioOptions(scale, OptionValues.Integer(args, "seed", 1, int.MinValue, int.MaxValue), args.Value("config-folder"), args.Value("villages")),
            OptionValues.Url(args),
            OptionValues.Integer(args, "batch-size", PosterOptions.MaxBatchSize, 1, PosterOptions.MaxBatchSize),
            OptionValues.Integer(args, "parallel", 4, 1, 64),
            args.Has("dry-run"),
            args.Has("verify"));
    }
}
