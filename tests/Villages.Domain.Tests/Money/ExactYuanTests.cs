using Villages.Domain.Money;

namespace Villages.Domain.Tests.Money;

public class ExactYuanTests
{
    [Fact]
    public void Point_one_plus_point_two_yuan_is_exactly_thirty_fen()
    {
        Assert.True(Fen.TryParseYuan("0.1", out var a, out _));
        Assert.True(Fen.TryParseYuan("0.2", out var b, out _));

        Assert.Equal(30, a + b);
        Assert.Equal(0.30m, Fen.ToYuan(a + b));
        Assert.Equal("0.30", Fen.ToYuan(a + b).ToString());
    }

    [Theory]
    [InlineData("45.5", 4550)]
    [InlineData("45.50", 4550)]
    [InlineData("45", 4500)]
    [InlineData("0.01", 1)]
    [InlineData("0", 0)]
    [InlineData("15970000000.00", 1_597_000_000_000)]
    [InlineData("-3.25", -325)]
    [InlineData("92233720368547758.07", long.MaxValue)]
    [InlineData("-92233720368547758.08", long.MinValue)]
    public void Yuan_text_becomes_whole_fen(string text, long fen)
    {
        Assert.True(Fen.TryParseYuan(text, out var parsed, out var error));
        Assert.Null(error);
        Assert.Equal(fen, parsed);
    }

    [Theory]
    [InlineData("45.555")]
    [InlineData("0.001")]
    [InlineData("45.500")]
    public void Three_decimals_of_money_are_refused_not_rounded(string text)
    {
        Assert.False(Fen.TryParseYuan(text, out var fen, out var error));
        Assert.Equal(0, fen);
        Assert.Contains("more than 2 decimals", error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1e3")]
    [InlineData("1E-2")]
    [InlineData("4.5e1")]
    [InlineData("abc")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("+5")]
    [InlineData("-")]
    [InlineData("--5")]
    [InlineData(" 5")]
    [InlineData("5 ")]
    [InlineData("1,5")]
    [InlineData("1.2.3")]
    [InlineData("0x10")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("\uff15")]
    public void Anything_but_a_plain_decimal_is_refused(string text)
    {
        Assert.False(Fen.TryParseYuan(text, out var fen, out var error));
        Assert.Equal(0, fen);
        Assert.NotNull(error);
    }

    [Fact]
    public void An_amount_beyond_the_range_of_fen_is_refused_not_wrapped()
    {
        Assert.False(Fen.TryParseYuan("92233720368547758.08", out _, out var error));
        Assert.Equal("is too large", error);
    }

    [Fact]
    public void Fen_are_shown_as_yuan_with_two_decimals()
    {
        Assert.Equal("45.50", ExactDecimal.Format(4550, Fen.Scale));
        Assert.Equal("-0.05", ExactDecimal.Format(-5, Fen.Scale));
        Assert.Equal("0.00", ExactDecimal.Format(0, Fen.Scale));
    }
}
