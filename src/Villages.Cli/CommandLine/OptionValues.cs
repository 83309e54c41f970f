using System.Globalization;

namespace Villages.Cli.CommandLine;

/// <summary>Typed option values shared by the commands; each bad value is a usage error naming the option and the range.</summary>
internal static class OptionValues
{
    public const string DefaultUrl = "http://localhost:5080";

    public static int Integer(Arguments args, string name, int fallback, int min, int max) =>
        (int)(Long(args, name, min, max) ?? fallback);

    public static long? Long(Arguments args, string name, long min, long max)
    {
        var text = args.Value(name);
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new UsageException($"--{name} must be a whole number from {min} to {max}, not '{text}'");
    }

    /// <summary>A positive number such as 2.5 (rates and durations; never money).</summary>
    public static decimal? Positive(Arguments args, string name, decimal max)
    {
        var text = args.Value(name);
        if (text is null)
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d > 0 && d <= max
            ? d
            : throw new UsageException($"--{name} must be a number above 0 and at most {max}, not '{text}'");
    }

    public static Uri Url(Arguments args)
    {
        var text = args.Value("url") ?? DefaultUrl;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--url must be an http(s) address, not '{text}'");
        }

        // A trailing slash makes the API's relative paths land under the given path, not beside it.
        return new Uri(url.AbsoluteUri.EndsWith('/') ? url.AbsoluteUri : url.AbsoluteUri + "/");
    }
}
