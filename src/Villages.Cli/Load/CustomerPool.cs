using Villages.Cli.Generation;

namespace Villages.Cli.Load;

/// <summary>
/// Buyers drawn from a large pool, with repeat buyers at two scales: each shop's own regulars, and a core of
/// frequent online shoppers who buy from everyone. Indices become opaque tokens that never collide.
/// </summary>
internal sealed class CustomerPool(int seed, long size)
{
    private const int RegularsPerSeller = 20;
    private const int FrequentShare = 50;

    private readonly Tokens _tokens = new($"c{seed}", Seeds.Salt(seed, "load/customers"));

    public long Size => size;

    /// <summary>One buyer in five is a regular of the shop, three in ten a frequent shopper, half anyone at all.</summary>
    public string Pick(Random random, int sellerRank)
    {
        var roll = random.Next(10);
        var index = roll < 2 ? RegularOf(sellerRank, random.Next(RegularsPerSeller))
            : roll < 5 ? random.NextInt64(Math.Max(1, size / FrequentShare))
            : random.NextInt64(size);
        return _tokens.Of(index);
    }

    // Spread over the pool by a multiplicative hash, so shops' regulars rarely overlap.
    private long RegularOf(int sellerRank, int j) =>
        (long)((((ulong)sellerRank * RegularsPerSeller) + (ulong)j) * 0x9E3779B97F4A7C15UL % (ulong)size);
}
