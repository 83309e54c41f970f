using System.Text.Json;
using Villages.Domain.Catalog;
using Villages.Domain.Money;
using Villages.Domain.Time;

namespace Villages.Domain.Ingest;

/// <summary>Reads the fields of one JSON line, collecting every problem under its field's name instead of stopping at the first.</summary>
internal sealed class FieldReader(JsonElement line)
{
    public Dictionary<string, string[]> Errors { get; } = [];

    public bool Ok => Errors.Count == 0;

    public string? Peek(string field) =>
        line.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public string Text(string field, int maxLength = 128)
    {
        if (!Present(field, out var v))
        {
            return "";
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            return Fail(field, "must be a string", "");
        }

        var s = v.GetString()!;
        if (s.Trim().Length == 0)
        {
            return Fail(field, "must not be empty", "");
        }

        return s.Length > maxLength ? Fail(field, $"must be at most {maxLength} characters", "") : s;
    }

    public Platform Platform(string field)
    {
        var s = Text(field);
        return CatalogNames.TryParsePlatform(s, out var p) || s.Length == 0
            ? p
            : Fail(field, $"'{s}' is not one of: {CatalogNames.AllPlatforms}", default(Platform));
    }

    public Category Category(string field)
    {
        var s = Text(field);
        return CatalogNames.TryParseCategory(s, out var c) || s.Length == 0
            ? c
            : Fail(field, $"'{s}' is not one of: {CatalogNames.AllCategories}", default(Category));
    }

    public string Product(string field)
    {
        var s = Text(field, 64);
        return s.Length > 0 && !CatalogNames.IsProductSlug(s)
            ? Fail(field, "must be a lowercase slug such as 'melon' or 'dried-apricot'", "")
            : s;
    }

    public DateTimeOffset Time(string field)
    {
        var s = Text(field, 40);
        if (s.Length == 0)
        {
            return default;
        }

        if (!EventTime.TryParse(s, out var t, out var error))
        {
            return Fail(field, error!, default(DateTimeOffset));
        }

        // Buckets are numbered in ints of hours from 1970 and queries reach 2199; a century outside that is a typo.
        return t.Year is >= 2000 and < 2100 ? t : Fail(field, "must be in the years 2000 to 2099", default(DateTimeOffset));
    }

    /// <summary>An exact positive decimal (money or weight) in its smallest unit.</summary>
    /// <remarks>
    /// <paramref name="max"/> (in units) keeps every sum of a scope far from overflow: 10^12 fen (10 billion yuan)
    /// a line times 9 million lines still fits in a long.
    /// </remarks>
    public long PositiveDecimal(string field, int scale, bool optional = false, long max = 1_000_000_000_000)
    {
        if (optional && (!line.TryGetProperty(field, out var o) || o.ValueKind == JsonValueKind.Null))
        {
            return 0;
        }

        if (!Present(field, out var v))
        {
            return 0;
        }

        if (v.ValueKind != JsonValueKind.Number)
        {
            return Fail(field, "must be a number", 0L);
        }

        if (!ExactDecimal.TryParse(v.GetRawText(), scale, out var units, out var error))
        {
            return Fail(field, error!, 0L);
        }

        return units <= 0 ? Fail(field, "must be positive", 0L)
            : units > max ? Fail(field, $"must be at most {Money.ExactDecimal.Format(max, scale)}", 0L)
            : units;
    }

    public long PositiveInteger(string field)
    {
        if (!Present(field, out var v))
        {
            return 0;
        }

        if (v.ValueKind != JsonValueKind.Number || !long.TryParse(v.GetRawText(), out var n))
        {
            return Fail(field, "must be a whole number", 0L);
        }

        return n <= 0 ? Fail(field, "must be positive", 0L)
            : n > 1_000_000_000 ? Fail(field, "must be at most 1000000000", 0L)
            : n;
    }

    public int Year(string field)
    {
        if (!Present(field, out var v))
        {
            return 0;
        }

        if (v.ValueKind != JsonValueKind.Number || !int.TryParse(v.GetRawText(), out var y) || y is < 1949 or > 2200)
        {
            return Fail(field, "must be a year such as 2017", 0);
        }

        return y;
    }

    private bool Present(string field, out JsonElement value)
    {
        if (line.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        Fail(field, "is required", 0);
        return false;
    }

    private T Fail<T>(string field, string message, T fallback)
    {
        Errors[field] = Errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
        return fallback;
    }
}
