using System.Text;

namespace Villages.Domain.Hashing;

/// <summary>
/// A 64-bit hash that is the same in every process and every run (unlike string.GetHashCode), used to
/// partition sellers across ledgers and to feed the distinct-customer sketch, which needs well-mixed bits.
/// </summary>
public static class StableHash
{
    public static ulong Of(string text)
    {
        Span<byte> buffer = text.Length <= 256 ? stackalloc byte[text.Length * 3] : new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        var length = Encoding.UTF8.GetBytes(text, buffer);
        return Of(buffer[..length]);
    }

    public static ulong Of(ReadOnlySpan<byte> bytes)
    {
        // FNV-1a over the bytes, then the murmur3 finalizer so that every output bit depends on every input bit.
        var h = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            h = (h ^ b) * 1099511628211UL;
        }

        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return h;
    }
}
