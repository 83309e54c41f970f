using System.Globalization;
using System.Text.RegularExpressions;

namespace Villages.Domain.Time;

/// <summary>Event times arrive as ISO-8601 with an explicit offset; without one the instant is ambiguous, so it is refused.</summary>
public static partial class EventTime
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex WithOffset();

    public static bool TryParse(string text, out DateTimeOffset instant, out string? error)
    {
        instant = default;
        if (!WithOffset().IsMatch(text))
        {
            error = "must be ISO-8601 with an offset, such as 2017-11-11T00:30:00+08:00";
            return false;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant))
        {
            error = "is not a valid date and time";
            return false;
        }

        error = null;
        return true;
    }
}
