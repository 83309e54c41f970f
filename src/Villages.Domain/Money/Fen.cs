namespace Villages.Domain.Money;

/// <summary>Money is integer fen inside; yuan with two decimals only at the edges.</summary>
public static class Fen
{
    public const int Scale = 2;

    public static bool TryParseYuan(ReadOnlySpan<char> text, out long fen, out string? error) =>
        ExactDecimal.TryParse(text, Scale, out fen, out error);

    public static decimal ToYuan(long fen) => ExactDecimal.ToDecimal(fen, Scale);
}

/// <summary>Weight is integer grams inside; kilograms with three decimals at the edges.</summary>
public static class Grams
{
    public const int Scale = 3;

    public static bool TryParseKilograms(ReadOnlySpan<char> text, out long grams, out string? error) =>
        ExactDecimal.TryParse(text, Scale, out grams, out error);

    public static decimal ToKilograms(long grams) => ExactDecimal.ToDecimal(grams, Scale);
}
