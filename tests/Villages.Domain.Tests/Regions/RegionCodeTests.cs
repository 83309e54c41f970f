using Villages.Domain.Regions;

namespace Villages.Domain.Tests.Regions;

public class RegionCodeTests
{
    private const string Village = "653130100201";

    [Theory]
    [InlineData("653130100201", "653130100")]
    [InlineData("653130100", "653130")]
    [InlineData("653130", "6531")]
    [InlineData("6531", "65")]
    [InlineData("65", "CN")]
    public void A_regions_parent_is_its_codes_prefix_and_a_provinces_is_the_nation(string code, string parent)
    {
        Assert.Equal(parent, RegionCode.Parent(code));
    }

    [Fact]
    public void The_nation_has_no_parent()
    {
        Assert.Null(RegionCode.Parent(RegionCode.Nation));
    }

    [Theory]
    [InlineData("653130100201", Level.Village)]
    [InlineData("653130100", Level.Township)]
    [InlineData("653130", Level.County)]
    [InlineData("6531", Level.Prefecture)]
    [InlineData("65", Level.Province)]
    [InlineData("CN", Level.Nation)]
    public void The_level_follows_from_the_length(string code, Level level)
    {
        Assert.True(RegionCode.IsValid(code));
        Assert.Equal(level, RegionCode.LevelOf(code));
    }

    [Theory]
    [InlineData("653")]
    [InlineData("65313")]
    [InlineData("6531301")]
    [InlineData("65313010020")]
    [InlineData("6531301002011")]
    [InlineData("65a130")]
    [InlineData("XJ")]
    [InlineData("cn")]
    [InlineData("")]
    [InlineData(" 65")]
    [InlineData("\uff16\uff15")]
    [InlineData(null)]
    public void A_code_that_is_not_2_4_6_9_or_12_digits_or_CN_is_invalid(string? code)
    {
        Assert.False(RegionCode.IsValid(code));
    }

    [Theory]
    [InlineData("653")]
    [InlineData("65313")]
    public void An_invalid_length_has_no_level_and_no_parent(string code)
    {
        Assert.Throws<ArgumentException>(() => RegionCode.LevelOf(code));
        Assert.Throws<ArgumentException>(() => RegionCode.Parent(code));
    }

    [Theory]
    [InlineData("653130100201", true)]
    [InlineData("653130100", false)]
    [InlineData("65313010020a", false)]
    [InlineData("CN", false)]
    public void Only_a_12_digit_code_is_a_village(string code, bool isVillage)
    {
        Assert.Equal(isVillage, RegionCode.IsVillage(code));
    }

    [Fact]
    public void A_village_rolls_up_through_every_level_to_the_nation()
    {
        Assert.Equal(["653130100201", "653130100", "653130", "6531", "65", "CN"], RegionCode.SelfAndAncestors(Village));
    }

    [Theory]
    [InlineData("CN", true)]
    [InlineData("65", true)]
    [InlineData("6531", true)]
    [InlineData("653130", true)]
    [InlineData("653130100", true)]
    [InlineData("653130100201", true)]
    [InlineData("6529", false)]
    [InlineData("652901", false)]
    [InlineData("653130100202", false)]
    [InlineData("11", false)]
    public void A_region_contains_exactly_the_villages_below_it(string region, bool contains)
    {
        Assert.Equal(contains, RegionCode.Contains(region, Village));
    }

    [Fact]
    public void Every_ancestor_contains_the_village_and_no_descendant_contains_its_ancestor()
    {
        var chain = RegionCode.SelfAndAncestors(Village);
        for (var i = 0; i < chain.Count; i++)
        {
            for (var j = 0; j < chain.Count; j++)
            {
                Assert.Equal(j >= i, RegionCode.Contains(chain[j], chain[i]));
            }
        }
    }

    [Theory]
    [InlineData("CN", 2)]
    [InlineData("65", 4)]
    [InlineData("6531", 6)]
    [InlineData("653130", 9)]
    [InlineData("653130100", 12)]
    [InlineData("653130100201", 0)]
    public void A_childs_code_is_the_next_length_down(string code, int childLength)
    {
        Assert.Equal(childLength, RegionCode.ChildLength(code));
    }

    [Fact]
    public void A_child_of_the_next_length_names_its_region_as_parent()
    {
        foreach (var code in RegionCode.SelfAndAncestors(Village).Skip(1))
        {
            var child = RegionCode.SelfAndAncestors(Village).Single(c => c != RegionCode.Nation && c.Length == RegionCode.ChildLength(code));
            Assert.Equal(code, RegionCode.Parent(child));
        }
    }

    [Fact]
    public void Level_names_are_the_contracts_words()
    {
        Assert.Equal(
            ["seller", "village", "township", "county", "prefecture", "province", "nation", "programme"],
            Enum.GetValues<Level>().Select(LevelNames.Name));
    }
}
