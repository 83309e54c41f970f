using System.Buffers.Binary;
using Villages.Domain.Hashing;
using Villages.Domain.Sketches;

namespace Villages.Domain.Tests.Sketches;

/// <summary>Distinct customer hashes as production makes them: a value mixed by StableHash.</summary>
internal static class Hashes
{
    public static ulong Of(long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        return StableHash.Of(bytes);
    }

    /// <summary><paramref name="count"/> hashes of distinct values drawn from a seeded generator.</summary>
    public static ulong[] Distinct(int count, int seed)
    {
        var random = new Random(seed);
        var seen = new HashSet<long>(count);
        var hashes = new ulong[count];
        while (seen.Count < count)
        {
            var value = random.NextInt64();
            if (seen.Add(value))
            {
                hashes[seen.Count - 1] = Of(value);
            }
        }

        return hashes;
    }

    public static DistinctSketch SketchOf(IEnumerable<ulong> hashes)
    {
        var sketch = new DistinctSketch();
        foreach (var h in hashes)
        {
            sketch.Add(h);
        }

        return sketch;
    }

    public static byte[] Bytes(DistinctSketch sketch)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            sketch.WriteTo(w);
        }

        return stream.ToArray();
    }

    public static DistinctSketch Read(byte[] bytes)
    {
        using var r = new BinaryReader(new MemoryStream(bytes));
        return DistinctSketch.ReadFrom(r);
    }
}
