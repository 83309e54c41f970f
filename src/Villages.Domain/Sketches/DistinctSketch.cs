using System.Numerics;

namespace Villages.Domain.Sketches;

/// <summary>
/// Counts distinct customers. While small it keeps the exact set of 64-bit customer hashes (exact count,
/// 8 bytes a customer); past <see cref="SparseLimit"/> it turns into a HyperLogLog of 2^14 one-byte
/// registers (16 KiB) read with Ertl's improved estimator, whose relative standard error is
/// 1.04/√16384 ≈ 0.81% at every cardinality, so 2% is about 2.5 standard errors.
/// Sketches merge by union, which is why a parent's customers are its own buyers and not a sum.
/// </summary>
public sealed class DistinctSketch
{
    public const int Precision = 14;
    public const int RegisterCount = 1 << Precision;
    public const int SparseLimit = 1024;
    private const int RankBits = 64 - Precision;

    private ulong[]? _sparse = [];
    private int _sparseCount;
    private byte[]? _registers;

    public bool IsDense => _registers is not null;

    /// <summary>Bytes this sketch holds, for the memory figures in the docs.</summary>
    public int ByteSize => _registers?.Length ?? (_sparse!.Length * sizeof(ulong));

    public void Add(ulong hash)
    {
        if (_registers is not null)
        {
            AddToRegisters(_registers, hash);
            return;
        }

        var index = Array.BinarySearch(_sparse!, 0, _sparseCount, hash);
        if (index >= 0)
        {
            return;
        }

        if (_sparseCount == SparseLimit)
        {
            Densify();
            AddToRegisters(_registers!, hash);
            return;
        }

        index = ~index;
        if (_sparseCount == _sparse!.Length)
        {
            Array.Resize(ref _sparse, Math.Min(SparseLimit, Math.Max(4, _sparse.Length * 2)));
        }

        Array.Copy(_sparse, index, _sparse, index + 1, _sparseCount - index);
        _sparse[index] = hash;
        _sparseCount++;
    }

    public void UnionWith(DistinctSketch other)
    {
        if (other._registers is not null)
        {
            if (_registers is null)
            {
                Densify();
            }

            for (var i = 0; i < RegisterCount; i++)
            {
                if (other._registers[i] > _registers![i])
                {
                    _registers[i] = other._registers[i];
                }
            }

            return;
        }

        for (var i = 0; i < other._sparseCount; i++)
        {
            Add(other._sparse![i]);
        }
    }

    public long Estimate()
    {
        if (_registers is null)
        {
            return _sparseCount;
        }

        Span<int> histogram = stackalloc int[RankBits + 2];
        foreach (var r in _registers)
        {
            histogram[r]++;
        }

        // Ertl, "New cardinality estimation algorithms for HyperLogLog sketches" (2017), the improved raw estimator.
        double m = RegisterCount;
        var z = m * Tau(1.0 - (histogram[RankBits + 1] / m));
        for (var k = RankBits; k >= 1; k--)
        {
            z = 0.5 * (z + histogram[k]);
        }

        z += m * Sigma(histogram[0] / m);
        return (long)Math.Round(m * m / (2.0 * Math.Log(2.0)) / z);
    }

    public DistinctSketch Clone()
    {
        var copy = new DistinctSketch();
        copy.UnionWith(this);
        return copy;
    }

    public void WriteTo(BinaryWriter writer)
    {
        if (_registers is not null)
        {
            writer.Write((byte)1);
            writer.Write(_registers);
            return;
        }

        writer.Write((byte)0);
        writer.Write(_sparseCount);
        for (var i = 0; i < _sparseCount; i++)
        {
            writer.Write(_sparse![i]);
        }
    }

    public static DistinctSketch ReadFrom(BinaryReader reader)
    {
        var sketch = new DistinctSketch();
        if (reader.ReadByte() == 1)
        {
            sketch._sparse = null;
            sketch._registers = reader.ReadBytes(RegisterCount);
            return sketch;
        }

        var count = reader.ReadInt32();
        sketch._sparse = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            sketch._sparse[i] = reader.ReadUInt64();
        }

        sketch._sparseCount = count;
        return sketch;
    }

    private void Densify()
    {
        var registers = new byte[RegisterCount];
        for (var i = 0; i < _sparseCount; i++)
        {
            AddToRegisters(registers, _sparse![i]);
        }

        _registers = registers;
        _sparse = null;
        _sparseCount = 0;
    }

    private static void AddToRegisters(byte[] registers, ulong hash)
    {
        var index = (int)(hash >> RankBits);
        var rest = hash << Precision;
        var rank = (byte)(rest == 0 ? RankBits + 1 : BitOperations.LeadingZeroCount(rest) + 1);
        if (rank > registers[index])
        {
            registers[index] = rank;
        }
    }

    private static double Sigma(double x)
    {
        if (x == 1.0)
        {
            return double.PositiveInfinity;
        }

        var y = 1.0;
        var z = x;
        double previous;
        do
        {
            x *= x;
            previous = z;
            z += x * y;
            y += y;
        }
        while (previous != z);
        return z;
    }

    private static double Tau(double x)
    {
        if (x == 0.0 || x == 1.0)
        {
            return 0.0;
        }

        var y = 1.0;
        var z = 1.0 - x;
        double previous;
        do
        {
            x = Math.Sqrt(x);
            previous = z;
            y *= 0.5;
            z -= Math.Pow(1.0 - x, 2) * y;
        }
        while (previous != z);
        return z / 3.0;
    }
}
