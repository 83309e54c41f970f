namespace Villages.Domain.Money;

/// <summary>
/// Parses decimal text into an integer count of its smallest unit (fen for yuan, grams for kilograms)
/// without ever passing through floating point, and refuses rather than rounds anything finer.
/// </summary>
public static class ExactDecimal
{
    /// <param name="text">Plain decimal text as it appears in JSON: optional '-', digits, optional '.' and digits.</param>
    /// <param name="scale">How many decimals the unit allows (2 for money, 3 for weight).</param>
    public static bool TryParse(ReadOnlySpan<char> text, int scale, out long units, out string? error)
    {
        units = 0;
        error = null;
        if (text.IsEmpty)
        {
            error = "must be a number";
            return false;
        }

        var negative = text[0] == '-';
        if (negative)
        {
            text = text[1..];
        }

        var dot = text.IndexOf('.');
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? [] : text[(dot + 1)..];
        if (whole.IsEmpty || (dot >= 0 && fraction.IsEmpty) || !AllDigits(whole) || !AllDigits(fraction))
        {
            error = "must be a plain decimal number such as 45.5";
            return false;
        }

        if (fraction.Length > scale)
        {
            error = $"has more than {scale} decimals; it is refused, never rounded";
            return false;
        }

        // Accumulated below zero, whose range is one wider, so that long.MinValue units can be read back too.
        long value = 0;
        try
        {
            foreach (var c in whole)
            {
                value = checked((value * 10) - (c - '0'));
            }

            for (var i = 0; i < scale; i++)
            {
                var digit = i < fraction.Length ? fraction[i] - '0' : 0;
                value = checked((value * 10) - digit);
            }

            units = negative ? value : checked(-value);
        }
        catch (OverflowException)
        {
            error = "is too large";
            return false;
        }

        return true;
    }

    /// <summary>An exact decimal with <paramref name="scale"/> decimals, e.g. 4550 fen → 45.50.</summary>
    public static decimal ToDecimal(long units, int scale)
    {
        var magnitude = units < 0 ? unchecked((ulong)(-units)) : (ulong)units;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, units < 0, (byte)scale);
    }

    /// <summary>Invariant text with exactly <paramref name="scale"/> decimals, for CSV.</summary>
    public static string Format(long units, int scale) =>
        ToDecimal(units, scale).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
