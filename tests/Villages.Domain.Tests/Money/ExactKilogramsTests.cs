using Villages.Domain.Money;

namespace Villages.Domain.Tests.Money;

public class ExactKilogramsTests
{
    [Theory]
    [InlineData("2.125", 2125)]
    [InlineData("0.001", 1)]
    [InlineData("850000", 850_000_000)]
    [InlineData("1.5", 1500)]
    public void Kilograms_with_up_to_three_decimals_become_whole_grams(string text, long grams)
    {
        Assert.True(Grams.TryParseKilograms(text, out var parsed, out _));
        Assert.Equal(grams, parsed);
    }

    [Theory]
    [InlineData("2.1255")]
    [InlineData("0.0001")]
    public void Four_decimals_of_weight_are_refused(string text)
    {
        Assert.False(Grams.TryParseKilograms(text, out _, out var error));
        Assert.Contains("more than 3 decimals", error);
    }

    [Fact]
    public void Grams_are_shown_as_kilograms_with_three_decimals()
    {
        Assert.Equal(2.125m, Grams.ToKilograms(2125));
        Assert.Equal("2.100", Grams.ToKilograms(2100).ToString());
    }
}
