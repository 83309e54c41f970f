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

    private readonly record struct SliceKey(Platform Platform, Category Category, int ProductId)
    {
        /// <summary>Whether this slice lies inside what a query asks for (<paramref name="productId"/>: the asked product's number).</summary>
        public bool IsIn(Slice slice, int productId) =>
            (slice.Platform is null || slice.Platform == Platform)
            && (slice.Category is null || slice.Category == Category)
            && (slice.Product is null || productId == ProductId);
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
        private Dictionary<SliceKey, Cell>? _slices;

        public Cell All;

        public void Add(SliceKey key, in Movement m)
        {
            if (_slices is null && key != _onlySlice)
            {
                _slices = new Dictionary<SliceKey, Cell>(2) { [_onlySlice] = All.Clone() };
            }

            All.Add(m);
            if (_slices is null)
            {
                return;
            }

            CollectionsMarshal.GetValueRefOrAddDefault(_slices, key, out _).Add(m);
        }

        public readonly void AddTo(ref Cell total, Slice slice, int productId, bool withCustomers)
        {
            if (slice.IsEverything)
            {
                total.Add(All, withCustomers);
                return;
            }

            foreach (var (key, cell) in Slices())
            {
                if (key.IsIn(slice, productId))
                {
                    total.Add(cell, withCustomers);
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
            foreach (var (key, c) in Slices())
            {
                if (key.IsIn(slice, productId))
                {
                    if (found)
                    {
                        return false;
                    }

                    (cell, found) = (c, true);
                }
            }

            return true;
        }

        public readonly void WriteTo(BinaryWriter w)
        {
            All.WriteTo(w);
            var slices = Slices();
            w.Write(slices.Count);
            foreach (var (key, cell) in slices)
            {
                w.Write((byte)key.Platform);
                w.Write((byte)key.Category);
                w.Write(key.ProductId);
                cell.WriteTo(w);
            }
        }

        public static Bucket ReadFrom(BinaryReader r)
        {
            var all = Cell.ReadFrom(r);
            var count = r.ReadInt32();
            var slices = new Dictionary<SliceKey, Cell>(count);
            for (var i = 0; i < count; i++)
            {
                var key = new SliceKey((Platform)r.ReadByte(), (Category)r.ReadByte(), r.ReadInt32());
                slices.Add(key, Cell.ReadFrom(r));
            }

            if (count == 0)
            {
                throw new InvalidDataException("A stored bucket has no slice; every bucket is made by a movement of some slice.");
            }

            // A lone slice's cell is All's twin (the same movements went into both), so it is not kept twice.
            var first = slices.Keys.First();
            return new Bucket(first) { All = all, _slices = count == 1 ? null : slices };
        }

        private readonly IReadOnlyCollection<KeyValuePair<SliceKey, Cell>> Slices() =>
            _slices ?? (IReadOnlyCollection<KeyValuePair<SliceKey, Cell>>)[new(_onlySlice, All)];
    }
}
