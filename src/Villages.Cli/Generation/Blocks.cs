namespace Villages.Cli.Generation;

/// <summary>
/// Long segments are generated a block at a time so that scale 1.0 streams in bounded memory, while every
/// block still gets its exact slice of the segment's totals.
/// </summary>
internal static class Blocks
{
    public const int Size = 4096;

    public static IEnumerable<(long Start, int Length)> Of(long count)
    {
        for (long start = 0; start < count; start += Size)
        {
            yield return (start, (int)Math.Min(Size, count - start));
        }
    }
}
