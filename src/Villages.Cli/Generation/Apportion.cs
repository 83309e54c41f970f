namespace Villages.Cli.Generation;

/// <summary>
/// Splits an exact integer total into parts without floating point: each part is the difference of
/// floor(total × cumulative share), so the parts always add up to the total, whatever the weights.
/// </summary>
internal static class Apportion
{
    public static void Into(long total, ReadOnlySpan<long> weights, Span<long> parts)
    {
        Int128 sum = 0;
        foreach (var w in weights)
        {
            sum += w;
        }

        if (sum <= 0)
        {
            throw new ArgumentException("Weights must add up to a positive number.", nameof(weights));
        }

        Int128 cumulative = 0;
        long previous = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            cumulative += weights[i];
            var upTo = (long)((Int128)total * cumulative / sum);
            parts[i] = upTo - previous;
            previous = upTo;
        }
    }

    /// <summary>The share of <paramref name="total"/> that falls on items [start, start + length) of <paramref name="count"/> equal items.</summary>
    public static long Slice(long total, long count, long start, long length) =>
        (long)((Int128)total * (start + length) / count) - (long)((Int128)total * start / count);
}
