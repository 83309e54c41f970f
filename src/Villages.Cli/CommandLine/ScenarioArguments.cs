using System.Globalization;
using Villages.Cli.Posting;
using Villages.Cli.Scenarios;

namespace Villages.Cli.CommandLine;

/// <summary>The typed options of <c>villages scenario</c>.</summary>
public sealed record ScenarioArguments(ScenarioOptions Scenario, Uri Url, int BatchSize, int Parallelism, bool DryRun)
{
    public static readonly IReadOnlySet<string> Valued = new HashSet<string>(["scale", "url", "seed", "config-folder", "villages", "batch-size", "parallel"]);
    public static readonly IReadOnlySet<string> Flags = new HashSet<string>(["dry-run"]);

    public static ScenarioArguments From(Arguments args)
    {
        var scaleText = args.Value("scale") ?? throw new UsageException("--scale is required");
        if (!decimal.TryParse(scaleText, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale)
            || scale < ScenarioOptions.MinScale || scale > ScenarioOptions.MaxScale)
        {
            throw new UsageException($"--scale must be a number from {ScenarioOptions.MinScale} to {ScenarioOptions.MaxScale}, not '{scaleText}'");
        }

        var urlText = args.Value("url") ?? "http://localhost:5080";
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--url must be an http(s) address, not '{urlText}'");
        }

        // A trailing slash makes the API's relative paths land under the given path, not beside it.
        url = new Uri(url.AbsoluteUri.EndsWith('/') ? url.AbsoluteUri : url.AbsoluteUri + "/");
        return new ScenarioArguments(
            new ScenarioOptions(scale, Integer(args, "seed", 1, int.MinValue, int.MaxValue), args.Value("config-folder"), args.Value("villages")),
            url,
            Integer(args, "batch-size", PosterOptions.MaxBatchSize, 1, PosterOptions.MaxBatchSize),
            Integer(args, "parallel", 4, 1, 64),
            args.Has("dry-run"));
    }

    private static int Integer(Arguments args, string name, int fallback, int min, int max)
    {
        var text = args.Value(name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new UsageException($"--{name} must be a whole number from {min} to {max}, not '{text}'");
    }
}
