using Villages.Domain.Catalog;

namespace Villages.Domain.Tests.Catalog;

public class CatalogNamesTests
{
    [Fact]
    public void Every_platform_name_parses_back_to_its_platform()
    {
        foreach (var platform in Enum.GetValues<Platform>())
        {
            Assert.True(CatalogNames.TryParsePlatform(CatalogNames.Name(platform), out var parsed));
            Assert.Equal(platform, parsed);
        }
    }

    [Fact]
    public void Every_category_name_parses_back_to_its_category()
    {
        foreach (var category in Enum.GetValues<Category>())
        {
            Assert.True(CatalogNames.TryParseCategory(CatalogNames.Name(category), out var parsed));
            Assert.Equal(category, parsed);
        }
    }

    [Fact]
    public void The_names_are_the_contracts_lists_in_its_order()
    {
        Assert.Equal("taobao tmall jd suning pinduoduo meituan ctrip wechat self", CatalogNames.AllPlatforms);
        Assert.Equal("fruit vegetable grain nuts livestock textile handicraft tourism other", CatalogNames.AllCategories);
        Assert.Equal(CatalogNames.AllPlatforms, string.Join(' ', Enum.GetValues<Platform>().Select(CatalogNames.Name)));
        Assert.Equal(CatalogNames.AllCategories, string.Join(' ', Enum.GetValues<Category>().Select(CatalogNames.Name)));
    }

    [Fact]
    public void Stored_numbers_never_move()
    {
        Assert.Equal(1, (byte)Platform.Taobao);
        Assert.Equal(9, (byte)Platform.Self);
        Assert.Equal(1, (byte)Category.Fruit);
        Assert.Equal(9, (byte)Category.Other);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Taobao")]
    [InlineData(" taobao")]
    [InlineData("amazon")]
    [InlineData("fruit")]
    public void An_unknown_platform_is_refused(string? text)
    {
        Assert.False(CatalogNames.TryParsePlatform(text, out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Fruit")]
    [InlineData("fruits")]
    [InlineData("taobao")]
    public void An_unknown_category_is_refused(string? text)
    {
        Assert.False(CatalogNames.TryParseCategory(text, out _));
    }

    [Theory]
    [InlineData("melon")]
    [InlineData("dried-apricot")]
    [InlineData("a")]
    [InlineData("grade-1-apple")]
    [InlineData("2kg-flour")]
    public void A_lowercase_slug_is_a_product(string text)
    {
        Assert.True(CatalogNames.IsProductSlug(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Melon")]
    [InlineData("-melon")]
    [InlineData("melon-")]
    [InlineData("dried--apricot")]
    [InlineData("dried apricot")]
    [InlineData("dried_apricot")]
    [InlineData("melon\n")]
    [InlineData("\u54c8\u5bc6\u74dc")]
    [InlineData("caf\u00e9")]
    public void Anything_else_is_not_a_product(string? text)
    {
        Assert.False(CatalogNames.IsProductSlug(text));
    }

    [Fact]
    public void A_product_slug_is_at_most_64_characters()
    {
        Assert.True(CatalogNames.IsProductSlug(new string('a', 64)));
        Assert.False(CatalogNames.IsProductSlug(new string('a', 65)));
    }
}
