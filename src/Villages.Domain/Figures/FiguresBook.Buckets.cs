using System.Runtime.InteropServices;
using Villages.Domain.Catalog;
using Villages.Domain.Time;

namespace Villages.Domain.Figures;

/// <summary>The bucketed form of a book: a cell per hour, day, month and year, by slice.</summary>
public sealed partial class FiguresBook
{
    private static readonly Interval[] Intervals = [Interval.Hour, Interval.Day, Interval.Month, Interval.Year];
    private static readonly Interval[] CoarsestFirst = [Interval.Year, Interval.Month, Interval.Day, Interval.Hour];

    private Dictionary<int, Bucket>[]? _buckets;

    private static Dictionary<int, Bucket>[] NoBuckets() => [new(), new(), new(), new()];

    private void AddToBuckets(in Movement m, SliceKey key)
    {
        var hourStart = Cst.HourStart(m.Hour);
        foreach (var interval in Intervals)
        {
            var index = interval == Interval.Hour ? m.Hour : Cst.BucketOf(interval, hourStart);
            ref var bucket = ref CollectionsMarshal.GetValueRefOrAddDefault(_buckets![(int)interval], index, out var exists);
            if (!exists)
            {
                bucket = new Bucket(key);
            }

            bucket.Add(key, m);
        }
    }

    private void AddBucketsTo(ref Cell total, DateTime a, DateTime b, Slice slice, int productId, bool withCustomers)
    {
        while (a < b)
        {
            foreach (var interval in CoarsestFirst)
            {
                var next = Cst.Next(interval, a);
                if (Cst.IsAligned(interval, a) && next <= b)
                {
                    if (_buckets![(int)interval].TryGetValue(Cst.BucketOf(interval, a), out var bucket))
                    {
                        bucket.AddTo(ref total, slice, productId, withCustomers);
                    }

                    a = next;
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Whether [a, b) is a single bucket whose cells hold at most one of the slice's; that cell (empty when none) is then
    /// the range's figures, handed out as it lies in the book: a copy that shares its customer set, only to be read.
    /// </summary>
    private bool TryOneBucketCell(DateTime a, DateTime b, Slice slice, int productId, out Cell cell)
    {
        cell = default;
        foreach (var interval in CoarsestFirst)
        {
            if (Cst.IsAligned(interval, a) && Cst.Next(interval, a) == b)
            {
                return !_buckets![(int)interval].TryGetValue(Cst.BucketOf(interval, a), out var bucket)
                    || bucket.TryOnlyCell(slice, productId, out cell);
            }
        }

        return false;
    }

    private void WriteBuckets(BinaryWriter w)
    {
        foreach (var buckets in _buckets!)
        {
            w.Write(buckets.Count);
            foreach (var (index, bucket) in buckets)
            {
                w.Write(index);
                bucket.WriteTo(w);
            }
        }
    }

    private void ReadBuckets(BinaryReader r)
    {
        _buckets = NoBuckets();
        foreach (var buckets in _buckets)
        {
            var count = r.ReadInt32();
            buckets.EnsureCapacity(count);
            for (var i = 0; i < count; i++)
            {
                buckets.Add(r.ReadInt32(), Bucket.ReadFrom(r));
            }
        }
    }

    private readonly record struct SliceKey(Platform Platform, Category Category, int ProductId) : IComparable<SliceKey>
    {
        /// <summary>Marks a slot of <see cref="SliceCells"/> past its last cell; sorts after every slice that sells.</summary>
        public static readonly SliceKey Unused = new((Platform)byte.MaxValue, (Category)byte.MaxValue, int.MaxValue);

        /// <summary>Whether this slice lies inside what a query asks for (<paramref name="productId"/>: the asked product's number).</summary>
        public bool IsIn(Slice slice, int productId) =>
            (slice.Platform is null || slice.Platform == Platform)
            && (slice.Category is null || slice.Category == Category)
            && (slice.Product is null || productId == ProductId);

        public int CompareTo(SliceKey other)
        {
            var c = ((byte)Platform).CompareTo((byte)other.Platform);
            if (c == 0)
            {
                c = ((byte)Category).CompareTo((byte)other.Category);
            }

            return c != 0 ? c : ProductId.CompareTo(other.ProductId);
        }
    }

    private struct SliceCell(SliceKey key, Cell cell)
    {
        public readonly SliceKey Key = key;
        public Cell Cell = cell;
    }

    /// <summary>
    /// One bucket's cells: everything, and each slice that sold in it. Most buckets (a seller's or a village's hour) see
    /// a single slice, whose cell would equal <see cref="All"/> movement for movement; such a bucket keeps only All and
    /// the slice's key, and splits into per-slice cells when a second slice arrives. Such hours are most of what the
    /// garbage collector has to trace and promote under ingest, so a bucket is a struct held in its interval's
    /// dictionary and changed there by reference, with its cell and the cell's customer set inline: a new single-slice
    /// hour allocates no object of its own, where it was three (bucket, cell and customer set).
    /// </summary>
    private struct Bucket(SliceKey onlySlice)
    {
        private readonly SliceKey _onlySlice = onlySlice;

        // Null while a single slice has sold; then the slices' cells in key order in one array (SliceCells), and past
        // SliceCells.Most of them in a dictionary, whose lookups do not grow with the count.
        private object? _slices;

        public Cell All;

        public void Add(SliceKey key, in Movement m)
        {
            if (_slices is null && key != _onlySlice)
            {
                _slices = SliceCells.Of(new SliceCell(_onlySlice, All.Clone()));
            }

            All.Add(m);
            switch (_slices)
            {
                case SliceCell[] cells:
                    if (SliceCells.TryPlace(ref cells, key, out var i))
                    {
                        cells[i].Cell.Add(m);
                        _slices = cells;
                        break;
                    }

                    var many = SliceCells.ToDictionary(cells);
                    CollectionsMarshal.GetValueRefOrAddDefault(many, key, out _).Add(m);
                    _slices = many;
                    break;
                case Dictionary<SliceKey, Cell> bySlice:
                    CollectionsMarshal.GetValueRefOrAddDefault(bySlice, key, out _).Add(m);
                    break;
            }
        }

        public readonly void AddTo(ref Cell total, Slice slice, int productId, bool withCustomers)
        {
            if (slice.IsEverything)
            {
                total.Add(All, withCustomers);
                return;
            }

            foreach (var c in Cells())
            {
                if (c.Key.IsIn(slice, productId))
                {
                    total.Add(c.Cell, withCustomers);
                }
            }
        }

        /// <summary>The one cell of the slice, if the bucket has at most one (none: an empty cell).</summary>
        public readonly bool TryOnlyCell(Slice slice, int productId, out Cell cell)
        {
            cell = default;
            if (slice.IsEverything)
            {
                cell = All;
                return true;
            }

            var found = false;
            foreach (var c in Cells())
            {
                if (c.Key.IsIn(slice, productId))
                {
                    if (found)
                    {
                        return false;
                    }

                    (cell, found) = (c.Cell, true);
                }
            }

            return true;
        }

        public readonly void WriteTo(BinaryWriter w)
        {
            All.WriteTo(w);
            w.Write(SliceCount());
            foreach (var c in Cells())
            {
                w.Write((byte)c.Key.Platform);
                w.Write((byte)c.Key.Category);
                w.Write(c.Key.ProductId);
                c.Cell.WriteTo(w);
            }
        }

        public static Bucket ReadFrom(BinaryReader r)
        {
            var all = Cell.ReadFrom(r);
            var count = r.ReadInt32();
            if (count <= 0)
            {
                throw new InvalidDataException($"A stored bucket has {count} slices; every bucket is made by a movement of some slice.");
            }

            var cells = new SliceCell[count];
            for (var i = 0; i < count; i++)
            {
                var key = new SliceKey((Platform)r.ReadByte(), (Category)r.ReadByte(), r.ReadInt32());
                if (key == SliceKey.Unused)
                {
                    throw new InvalidDataException("A stored bucket names a slice of no platform, category or product.");
                }

                cells[i] = new SliceCell(key, Cell.ReadFrom(r));
            }

            // A lone slice's cell is All's twin (the same movements went into both), so it is not kept twice.
            var bucket = new Bucket(cells[0].Key) { All = all };
            if (count > SliceCells.Most)
            {
                bucket._slices = cells.ToDictionary(c => c.Key, c => c.Cell);
            }
            else if (count > 1)
            {
                // Written in key order since the array form; a dictionary's order before it.
                Array.Sort(cells, (a, b) => a.Key.CompareTo(b.Key));
                bucket._slices = cells;
            }

            return bucket;
        }

        private readonly int SliceCount() => _slices switch
        {
            SliceCell[] cells => SliceCells.Count(cells),
            Dictionary<SliceKey, Cell> bySlice => bySlice.Count,
            _ => 1,
        };

        private readonly SliceCellEnumerator Cells() => new(_slices, _onlySlice, All);
    }

    /// <summary>
    /// A bucket's slices and their cells in whichever form it keeps them, without allocating: a checkpoint walks every
    /// bucket of the book (hundreds of thousands in the nation's), and an iterator would be an object per bucket.
    /// </summary>
    private struct SliceCellEnumerator
    {
        private readonly SliceCell[]? _array;
        private readonly bool _isDictionary;
        private readonly SliceCell _only;
        private Dictionary<SliceKey, Cell>.Enumerator _bySlice;
        private int _next;

        public SliceCellEnumerator(object? slices, SliceKey only, Cell all)
        {
            switch (slices)
            {
                case SliceCell[] cells:
                    _array = cells;
                    break;
                case Dictionary<SliceKey, Cell> bySlice:
                    _isDictionary = true;
                    _bySlice = bySlice.GetEnumerator();
                    break;
                default:
                    _only = new SliceCell(only, all);
                    break;
            }
        }

        public SliceCell Current { get; private set; }

        public readonly SliceCellEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_isDictionary)
            {
                if (!_bySlice.MoveNext())
                {
                    return false;
                }

                Current = new SliceCell(_bySlice.Current.Key, _bySlice.Current.Value);
                return true;
            }

            if (_array is null)
            {
                Current = _only;
                return _next++ == 0;
            }

            if (_next == _array.Length || _array[_next].Key == SliceKey.Unused)
            {
                return false;
            }

            Current = _array[_next++];
            return true;
        }
    }

    /// <summary>
    /// A bucket's per-slice cells in one array, in key order, found by binary search: a dictionary kept, for two slices,
    /// three objects and 430 bytes (its tables are sized by primes), for four 832; the array is one object of 200 or 374
    /// (GC.GetTotalMemory over 20,000 of each, with the book's key and cell layouts).
    /// Slots past the last cell hold <see cref="SliceKey.Unused"/>, which sorts last, so the array carries its own count
    /// and the bucket, kept inline in its interval's table by the million, grows by nothing. A new slice moves the cells
    /// after it, so past <see cref="Most"/> a bucket's slices go to a dictionary instead.
    /// </summary>
    private static class SliceCells
    {
        public const int Most = 32;

        public static SliceCell[] Of(SliceCell first)
        {
            var cells = new SliceCell[2];
            cells[0] = first;
            cells[1] = new SliceCell(SliceKey.Unused, default);
            return cells;
        }

        /// <summary>
        /// The index of the slice's cell, made (empty) in its place if missing; false when it is missing and the bucket
        /// already holds <see cref="Most"/> cells.
        /// </summary>
        public static bool TryPlace(ref SliceCell[] cells, SliceKey key, out int index)
        {
            // Unused slots sort after every slice, so one search of the whole array finds the cell or its place; the
            // count (a second search) is needed only to insert.
            index = IndexOf(cells, key);
            if (index >= 0)
            {
                return true;
            }

            var count = Count(cells);
            if (count == Most)
            {
                return false;
            }

            index = ~index;
            if (count == cells.Length)
            {
                var grown = new SliceCell[Math.Min(Most, cells.Length * 2)];
                cells.AsSpan().CopyTo(grown);
                grown.AsSpan(count).Fill(new SliceCell(SliceKey.Unused, default));
                cells = grown;
            }

            cells.AsSpan(index, count - index).CopyTo(cells.AsSpan(index + 1));
            cells[index] = new SliceCell(key, default);
            return true;
        }

        public static Dictionary<SliceKey, Cell> ToDictionary(SliceCell[] cells)
        {
            var count = Count(cells);
            // Room for the slice that did not fit, no more: a dictionary grows by doubling to the next prime itself.
            var bySlice = new Dictionary<SliceKey, Cell>(count + 1);
            foreach (var c in cells.AsSpan(0, count))
            {
                bySlice.Add(c.Key, c.Cell);
            }

            return bySlice;
        }

        /// <summary>How many slots hold cells: the first unused one, by binary search.</summary>
        public static int Count(SliceCell[] cells)
        {
            int lo = 0, hi = cells.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (cells[mid].Key == SliceKey.Unused)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            return lo;
        }

        private static int IndexOf(SliceCell[] cells, SliceKey key)
        {
            int lo = 0, hi = cells.Length - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                var c = cells[mid].Key.CompareTo(key);
                if (c == 0)
                {
                    return mid;
                }

                if (c < 0)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return ~lo;
        }
    }
}
