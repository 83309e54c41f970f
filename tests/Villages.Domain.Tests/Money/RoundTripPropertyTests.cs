using CsCheck;
using Villages.Domain.Money;

namespace Villages.Domain.Tests.Money;

public class RoundTripPropertyTests
{
    [Fact]
    public void Fen_shown_as_yuan_and_read_back_are_the_same_fen()
    {
        Gen.Long.Sample(fen =>
        {
            var text = Fen.ToYuan(fen).ToString();
            Assert.True(Fen.TryParseYuan(text, out var back, out var error), $"{text}: {error}");
            Assert.Equal(fen, back);
        }, iter: 10_000);
    }

    [Fact]
    public void Grams_shown_as_kilograms_and_read_back_are_the_same_grams()
    {
        Gen.Long.Sample(grams =>
        {
            var text = Grams.ToKilograms(grams).ToString();
            Assert.True(Grams.TryParseKilograms(text, out var back, out var error), $"{text}: {error}");
            Assert.Equal(grams, back);
        }, iter: 10_000);
    }

    [Fact]
    public void Parsed_amounts_add_up_like_decimals()
    {
        // decimal is exact here, so it is the oracle that binary floating point would fail.
        var cents = Gen.Long[-1_000_000_000_000, 1_000_000_000_000];
        Gen.Select(cents, cents).Sample((a, b) =>
        {
            var sum = Fen.ToYuan(a) + Fen.ToYuan(b);
            Assert.True(Fen.TryParseYuan(Fen.ToYuan(a).ToString(), out var fa, out _));
            Assert.True(Fen.TryParseYuan(Fen.ToYuan(b).ToString(), out var fb, out _));
            Assert.Equal(sum, Fen.ToYuan(fa + fb));
        });
    }
}
