using Villages.Domain.Catalog;

namespace Villages.Domain.Figures;

/// <summary>The small form of a book: its movements as they came, sorted by hour when a range is asked for.</summary>
public sealed partial class FiguresBook
{
    private Kept[]? _kept = [];
    private int _keptCount;
    private bool _keptInHourOrder = true;

    private void Keep(in Movement m, int productId)
    {
        if (_keptCount == _kept!.Length)
        {
            // From one: most sellers' books never hold more than a sale or two.
            Array.Resize(ref _kept, Math.Max(1, _kept.Length * 2));
        }

        if (_keptCount > 0 && m.Hour < _kept[_keptCount - 1].Hour)
        {
            _keptInHourOrder = false;
        }

        _kept[_keptCount++] = new Kept(m, productId);
    }

    /// <summary>Adds the kept movements of hours [fromHour, toHour) that match the slice.</summary>
    private void AddKeptTo(ref Cell total, int fromHour, int toHour, Slice slice, int productId, bool withCustomers)
    {
        var kept = KeptInHourOrder();
        for (var i = FirstAtOrAfter(kept, fromHour); i < kept.Length && kept[i].Hour < toHour; i++)
        {
            if (kept[i].Key.IsIn(slice, productId))
            {
                total.Add(kept[i].ToMovement(_products), withCustomers);
            }
        }
    }

    /// <summary>Replays the kept movements into buckets, which from now on take every movement.</summary>
    private void BucketKeptMovements()
    {
        _buckets = NoBuckets();
        foreach (var k in _kept.AsSpan(0, _keptCount))
        {
            AddToBuckets(k.ToMovement(_products), k.Key);
        }

        _kept = null;
        _keptCount = 0;
    }

    private void WriteKept(BinaryWriter w)
    {
        var kept = KeptInHourOrder();
        w.Write(kept.Length);
        foreach (var k in kept)
        {
            w.Write(k.Hour);
            w.Write((byte)k.Kind);
            w.Write((byte)k.Platform);
            w.Write((byte)k.Category);
            w.Write(k.ProductId);
            w.Write(k.AmountFen);
            w.Write(k.Quantity);
            w.Write(k.WeightGrams);
            w.Write(k.CustomerHash);
        }
    }

    private void ReadKept(BinaryReader r)
    {
        var count = r.ReadInt32();
        if (count < 0)
        {
            throw new InvalidDataException($"A stored book says it kept {count} movements.");
        }

        _kept = new Kept[count];
        for (var i = 0; i < count; i++)
        {
            var hour = r.ReadInt32();
            var kind = (MovementKind)r.ReadByte();
            var platform = (Platform)r.ReadByte();
            var category = (Category)r.ReadByte();
            var productId = r.ReadInt32();
            if (kind is not (MovementKind.Sale or MovementKind.Refund) || productId < 0 || productId >= _products.Count)
            {
                throw new InvalidDataException($"Kept movement {i} of a stored book is of kind {kind} and product {productId}; the book has {_products.Count} products.");
            }

            var m = new Movement(kind, hour, platform, category, _products[productId], r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadUInt64());
            Keep(m, productId);
        }
    }

    private ReadOnlySpan<Kept> KeptInHourOrder()
    {
        var kept = _kept.AsSpan(0, _keptCount);
        if (!_keptInHourOrder)
        {
            // Within an hour the order does not matter: tallies add and customer sets unite.
            kept.Sort(static (x, y) => x.Hour.CompareTo(y.Hour));
            _keptInHourOrder = true;
        }

        return kept;
    }

    private static int FirstAtOrAfter(ReadOnlySpan<Kept> kept, int hour)
    {
        int low = 0, high = kept.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (kept[mid].Hour < hour)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>A movement as a small book keeps it: 48 bytes, its product by number.</summary>
    private readonly struct Kept(in Movement m, int productId)
    {
        public readonly int Hour = m.Hour;
        public readonly int ProductId = productId;
        public readonly long AmountFen = m.AmountFen;
        public readonly long Quantity = m.Quantity;
        public readonly long WeightGrams = m.WeightGrams;
        public readonly ulong CustomerHash = m.CustomerHash;
        public readonly MovementKind Kind = m.Kind;
        public readonly Platform Platform = m.Platform;
        public readonly Category Category = m.Category;

        public SliceKey Key => new(Platform, Category, ProductId);

        public Movement ToMovement(List<string> products) =>
            new(Kind, Hour, Platform, Category, products[ProductId], AmountFen, Quantity, WeightGrams, CustomerHash);
    }
}
