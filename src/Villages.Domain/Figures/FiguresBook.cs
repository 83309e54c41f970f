using System.Runtime.InteropServices;
using Villages.Domain.Catalog;
using Villages.Domain.Time;

namespace Villages.Domain.Figures;

/// <summary>
/// The figures a seller, region or programme owns over time: one cell per bucket (hour, day, month, year in CST)
/// for everything, plus one per (platform, category, product) slice, plus a lifetime cell.
/// Coarser buckets are kept, not derived, so that a range is answered from a handful of cells:
/// [from, to) is cut into whole years, months, days and edge hours, and their cells are merged.
/// </summary>
public sealed class FiguresBook
{
    private const byte FormatVersion = 1;
    private static readonly Interval[] Intervals = [Interval.Hour, Interval.Day, Interval.Month, Interval.Year];
    private static readonly Interval[] CoarsestFirst = [Interval.Year, Interval.Month, Interval.Day, Interval.Hour];

    private readonly List<string> _products = [];
    private readonly Dictionary<string, int> _productIds = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Bucket>[] _buckets = [new(), new(), new(), new()];

    private Cell _lifetime;

    /// <summary>Everything the book holds, for reading: a copy that shares the customer set with the book.</summary>
    public Cell Lifetime => _lifetime;

    public void Apply(in Movement m)
    {
        var key = new SliceKey(m.Platform, m.Category, ProductId(m.Product));
        var hourStart = Cst.HourStart(m.Hour);
        foreach (var interval in Intervals)
        {
            var index = interval == Interval.Hour ? m.Hour : Cst.BucketOf(interval, hourStart);
            ref var bucket = ref CollectionsMarshal.GetValueRefOrAddDefault(_buckets[(int)interval], index, out var exists);
            if (!exists)
            {
                bucket = new Bucket(key);
            }

            bucket.Add(key, m);
        }

        _lifetime.Add(m);
    }

    /// <summary>The figures of the hour buckets that start within [from, to) (CST wall clock), for one slice.</summary>
    public Cell Sum(DateTime from, DateTime to, Slice slice)
    {
        var total = new Cell();
        if (!TryResolve(slice, out var productId))
        {
            return total;
        }

        var a = CeilingHour(from);
        var b = CeilingHour(to);
        while (a < b)
        {
            foreach (var interval in CoarsestFirst)
            {
                var next = Cst.Next(interval, a);
                if (Cst.IsAligned(interval, a) && next <= b)
                {
                    if (_buckets[(int)interval].TryGetValue(Cst.BucketOf(interval, a), out var bucket))
                    {
                        bucket.AddTo(ref total, slice, productId);
                    }

                    a = next;
                    break;
                }
            }
        }

        return total;
    }

    /// <summary>One point per bucket of <paramref name="interval"/> that meets [from, to), each clipped to the range.</summary>
    public IReadOnlyList<SeriesPoint> Series(DateTime from, DateTime to, Interval interval, Slice slice) =>
        SeriesCells(from, to, interval, slice)
            .Select(p => new SeriesPoint(p.Start, p.Cell.ToFigures(), Growth.Of(p.Cell.Tally.Net, p.LastYearNet)))
            .ToList();

    /// <summary>The cells behind <see cref="Series"/>, with last year's net of each bucket, for merging with other books.</summary>
    public IReadOnlyList<SeriesCell> SeriesCells(DateTime from, DateTime to, Interval interval, Slice slice)
    {
        var points = new List<SeriesCell>();
        for (var start = Cst.Floor(interval, from); start < to; start = Cst.Next(interval, start))
        {
            var end = Cst.Next(interval, start);
            var clippedFrom = start < from ? from : start;
            var clippedTo = end > to ? to : end;
            // The bucket's own edges map to the same bucket a year back; AddYears alone turns 29 February into 28 February
            // and so would make 28 February's year-earlier range empty, or twice as long the year after a leap year.
            var lastYearStart = start.AddYears(-1);
            var lastYearFrom = clippedFrom == start ? lastYearStart : clippedFrom.AddYears(-1);
            var lastYearTo = clippedTo == end ? Cst.Next(interval, lastYearStart) : clippedTo.AddYears(-1);
            var lastYear = Sum(lastYearFrom, lastYearTo, slice).Tally.Net;
            points.Add(new SeriesCell(start, Sum(clippedFrom, clippedTo, slice), lastYear));
        }

        return points;
    }

    public void WriteTo(BinaryWriter w)
    {
        w.Write(FormatVersion);
        w.Write(_products.Count);
        foreach (var p in _products)
        {
            w.Write(p);
        }

        foreach (var buckets in _buckets)
        {
            w.Write(buckets.Count);
            foreach (var (index, bucket) in buckets)
            {
                w.Write(index);
                bucket.WriteTo(w);
            }
        }

        _lifetime.WriteTo(w);
    }

    public static FiguresBook ReadFrom(BinaryReader r)
    {
        var version = r.ReadByte();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"Figures were written in format {version}; this build reads format {FormatVersion}.");
        }

        var book = new FiguresBook();
        var products = r.ReadInt32();
        for (var i = 0; i < products; i++)
        {
            book.ProductId(r.ReadString());
        }

        foreach (var buckets in book._buckets)
        {
            var count = r.ReadInt32();
            buckets.EnsureCapacity(count);
            for (var i = 0; i < count; i++)
            {
                buckets.Add(r.ReadInt32(), Bucket.ReadFrom(r));
            }
        }

        book._lifetime = Cell.ReadFrom(r);
        return book;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            WriteTo(w);
        }

        return stream.ToArray();
    }

    public static FiguresBook FromBytes(byte[]? bytes)
    {
        if (bytes is null || bytes.Length == 0)
        {
            return new FiguresBook();
        }

        using var r = new BinaryReader(new MemoryStream(bytes));
        return ReadFrom(r);
    }

    private static DateTime CeilingHour(DateTime t)
    {
        var floor = Cst.Floor(Interval.Hour, t);
        return floor == t ? t : floor.AddHours(1);
    }

    private int ProductId(string product)
    {
        if (!_productIds.TryGetValue(product, out var id))
        {
            id = _products.Count;
            _products.Add(product);
            _productIds.Add(product, id);
        }

        return id;
    }

    private bool TryResolve(Slice slice, out int productId)
    {
        productId = -1;
        return slice.Product is null || _productIds.TryGetValue(slice.Product, out productId);
    }

    private readonly record struct SliceKey(Platform Platform, Category Category, int ProductId);

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

        public readonly void AddTo(ref Cell total, Slice slice, int productId)
        {
            if (slice.IsEverything)
            {
                total.Add(All);
                return;
            }

            foreach (var (key, cell) in Slices())
            {
                if ((slice.Platform is null || slice.Platform == key.Platform)
                    && (slice.Category is null || slice.Category == key.Category)
                    && (slice.Product is null || productId == key.ProductId))
                {
                    total.Add(cell);
                }
            }
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

public readonly record struct SeriesPoint(DateTime Start, Figures Figures, double? Growth);

/// <summary>A series bucket as mergeable cells: the bucket's figures and the same bucket's net a year earlier.</summary>
public sealed record SeriesCell(DateTime Start, Cell Cell, long LastYearNet)
{
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            w.Write(Start.Ticks);
            w.Write(LastYearNet);
            Cell.WriteTo(w);
        }

        return stream.ToArray();
    }

    public static SeriesCell FromBytes(byte[] bytes)
    {
        using var r = new BinaryReader(new MemoryStream(bytes));
        var start = new DateTime(r.ReadInt64(), DateTimeKind.Unspecified);
        var lastYear = r.ReadInt64();
        return new SeriesCell(start, Cell.ReadFrom(r), lastYear);
    }
}

public static class Growth
{
    /// <summary>The change of net against the same bucket a year earlier, as a fraction; none when that year's net was not positive.</summary>
    public static double? Of(long net, long lastYearNet) =>
        lastYearNet <= 0 ? null : Math.Round((double)(net - lastYearNet) / lastYearNet, 6);
}
