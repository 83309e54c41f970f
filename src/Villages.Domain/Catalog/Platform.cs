namespace Villages.Domain.Catalog;

/// <summary>The sales platforms the v1 contract names, in its order; the numbers are stored, so never reorder.</summary>
public enum Platform : byte
{
    Taobao = 1,
    Tmall = 2,
    Jd = 3,
    Suning = 4,
    Pinduoduo = 5,
    Meituan = 6,
    Ctrip = 7,
    Wechat = 8,
    Self = 9,
}

/// <summary>Product categories; the numbers are stored, so never reorder.</summary>
public enum Category : byte
{
    Fruit = 1,
    Vegetable = 2,
    Grain = 3,
    Nuts = 4,
    Livestock = 5,
    Textile = 6,
    Handicraft = 7,
    Tourism = 8,
    Other = 9,
}

public static class CatalogNames
{
    private static readonly string[] PlatformNames = ["", "taobao", "tmall", "jd", "suning", "pinduoduo", "meituan", "ctrip", "wechat", "self"];
    private static readonly string[] CategoryNames = ["", "fruit", "vegetable", "grain", "nuts", "livestock", "textile", "handicraft", "tourism", "other"];

    public static string AllPlatforms => string.Join(' ', PlatformNames[1..]);

    public static string AllCategories => string.Join(' ', CategoryNames[1..]);

    public static bool TryParsePlatform(string? text, out Platform platform)
    {
        var i = Array.IndexOf(PlatformNames, text);
        platform = (Platform)Math.Max(i, 0);
        return i > 0;
    }

    public static bool TryParseCategory(string? text, out Category category)
    {
        var i = Array.IndexOf(CategoryNames, text);
        category = (Category)Math.Max(i, 0);
        return i > 0;
    }

    public static string Name(Platform platform) => PlatformNames[(int)platform];

    public static string Name(Category category) => CategoryNames[(int)category];

    /// <summary>A product is a lowercase slug: letters, digits and single hyphens, such as "melon" or "dried-apricot".</summary>
    public static bool IsProductSlug(string? text) =>
        text is { Length: > 0 and <= 64 }
        && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && text[0] != '-' && text[^1] != '-' && !text.Contains("--", StringComparison.Ordinal);
}
