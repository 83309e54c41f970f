using Villages.Abstractions.Queries;
using Villages.Domain.Catalog;
using Villages.Domain.Time;

namespace Villages.Gateway.Queries;

/// <summary>Reads and checks query strings; every problem is named by its parameter.</summary>
public static class QueryParameters
{
    public const int MaxPoints = 20_000;

    public static bool TryRange(HttpRequest request, bool required, out DateTime? from, out DateTime? to, Dictionary<string, string[]> errors)
    {
        from = Bound(request, "from", required, errors);
        to = Bound(request, "to", required, errors);
        if (from is { } f && to is { } t && f >= t)
        {
            errors["to"] = ["must be after 'from'"];
        }

        return errors.Count == 0;
    }

    public static SeriesRequest? Series(HttpRequest request, Dictionary<string, string[]> errors)
    {
        TryRange(request, required: true, out var from, out var to, errors);
        var intervalText = request.Query["interval"].ToString();
        var interval = Interval.Day;
        if (intervalText.Length > 0 && !IntervalNames.TryParse(intervalText, out interval))
        {
            errors["interval"] = ["must be one of: hour day month year"];
        }

        byte? platform = null, category = null;
        if (request.Query["platform"].ToString() is { Length: > 0 } p)
        {
            if (CatalogNames.TryParsePlatform(p, out var parsed))
            {
                platform = (byte)parsed;
            }
            else
            {
                errors["platform"] = [$"'{p}' is not one of: {CatalogNames.AllPlatforms}"];
            }
        }

        if (request.Query["category"].ToString() is { Length: > 0 } c)
        {
            if (CatalogNames.TryParseCategory(c, out var parsed))
            {
                category = (byte)parsed;
            }
            else
            {
                errors["category"] = [$"'{c}' is not one of: {CatalogNames.AllCategories}"];
            }
        }

        var product = request.Query["product"].ToString();
        if (product.Length > 0 && !CatalogNames.IsProductSlug(product))
        {
            errors["product"] = ["must be a lowercase slug such as 'melon'"];
        }

        if (errors.Count == 0 && Points(from!.Value, to!.Value, interval) > MaxPoints)
        {
            errors["interval"] = [$"the range holds more than {MaxPoints} {intervalText} buckets; use a coarser interval or a shorter range"];
        }

        return errors.Count == 0
            ? new SeriesRequest(from!.Value, to!.Value, (byte)interval, platform, category, product.Length > 0 ? product : null)
            : null;
    }

    private static long Points(DateTime from, DateTime to, Interval interval) => interval switch
    {
        Interval.Hour => (long)(to - from).TotalHours + 1,
        Interval.Day => (long)(to - from).TotalDays + 1,
        _ => 0,
    };

    private static DateTime? Bound(HttpRequest request, string name, bool required, Dictionary<string, string[]> errors)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            if (required)
            {
                errors[name] = ["is required: a CST date (2017-11-11) or date-time (2017-11-11T12:00)"];
            }

            return null;
        }

        if (!Cst.TryParseQueryTime(text, out var value) || value.Year is < 1970 or > 2199)
        {
            errors[name] = [$"'{text}' is not a CST date (2017-11-11) or date-time (2017-11-11T12:00)"];
            return null;
        }

        return value;
    }
}
