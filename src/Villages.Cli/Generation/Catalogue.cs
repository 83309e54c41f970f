using Villages.Domain.Catalog;

namespace Villages.Cli.Generation;

/// <summary>What each kind of seller in the story sells, and where; picks are uniform so figures stay easy to reason about.</summary>
internal static class Catalogue
{
    public static readonly Category[] Agricultural = [Category.Fruit, Category.Vegetable, Category.Grain, Category.Nuts, Category.Livestock];

    public static readonly Platform[] Alibaba = [Platform.Taobao, Platform.Tmall];

    public static readonly Platform[] XinjiangEnterprisePlatforms = [Platform.Jd, Platform.Tmall, Platform.Suning, Platform.Self];

    public static readonly Category[] XinjiangEnterpriseCategories = [Category.Textile, Category.Other, Category.Fruit];

    public static readonly Category[] NonAgricultural = [Category.Textile, Category.Handicraft, Category.Tourism];

    public static readonly Platform[] AllPlatforms = Enum.GetValues<Platform>();

    public static readonly Category[] AllCategories = Enum.GetValues<Category>();

    public static string ProductOf(Category category, Random random)
    {
        var products = category switch
        {
            Category.Fruit => Fruit,
            Category.Vegetable => Vegetable,
            Category.Grain => Grain,
            Category.Nuts => Nuts,
            Category.Livestock => Livestock,
            Category.Textile => Textile,
            Category.Handicraft => Handicraft,
            Category.Tourism => Tourism,
            _ => Other,
        };
        return products[random.Next(products.Length)];
    }

    public static T Pick<T>(T[] choices, Random random) => choices[random.Next(choices.Length)];

    private static readonly string[] Fruit = ["apple", "red-date", "raisin", "dried-apricot", "kiwi", "navel-orange", "pear"];
    private static readonly string[] Vegetable = ["potato", "chili", "mushroom", "yam"];
    private static readonly string[] Grain = ["rice", "millet", "flour", "buckwheat"];
    private static readonly string[] Nuts = ["walnut", "chestnut", "peanut"];
    private static readonly string[] Livestock = ["beef", "mutton", "honey", "egg"];
    private static readonly string[] Textile = ["quilt", "cotton-quilt", "atlas-silk", "carpet"];
    private static readonly string[] Handicraft = ["embroidery", "bamboo-basket", "pottery"];
    private static readonly string[] Tourism = ["farm-stay", "tea-garden-tour"];
    private static readonly string[] Other = ["rose-jam", "lavender-oil", "herbal-tea"];
}
