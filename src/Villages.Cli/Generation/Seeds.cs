using StableHash = Villages.Domain.Hashing.StableHash;

namespace Villages.Cli.Generation;

/// <summary>
/// Every stream of the scenario has its own generator derived from the seed and the stream's name, so a segment
/// can be replayed on its own (sales, then later its refunds) and adding a segment never shifts another one.
/// </summary>
internal static class Seeds
{
    public static Random Random(int seed, string stream) => new((int)(Salt(seed, stream) & int.MaxValue));

    public static ulong Salt(int seed, string stream) => StableHash.Of($"{seed}/{stream}");
}
