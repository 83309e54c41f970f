namespace Villages.Cli.Generation;

/// <summary>
/// Buyer tokens look random but are a bijection of (pool, index): distinct indices give distinct tokens,
/// which is what lets the scenario promise an exact count of distinct customers.
/// </summary>
internal sealed class Tokens(string prefix, ulong salt)
{
    public string Of(long index) => $"{prefix}-{Mix(salt ^ (ulong)index):x16}";

    // The splitmix64 finaliser: invertible, so no two inputs collide.
    private static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9UL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebUL;
        x ^= x >> 31;
        return x;
    }
}
