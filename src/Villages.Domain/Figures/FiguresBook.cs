using Villages.Domain.Time;

namespace Villages.Domain.Figures;

/// <summary>
/// The figures a seller, region or programme owns over time. A small book keeps its movements as they came (compact
/// values, in hour order when asked) and answers a range by reading those inside it; past
/// <see cref="DefaultBucketAfter"/> movements it turns them into cells per bucket (hour, day, month, year in CST) for
/// everything, plus one per (platform, category, product) slice. Coarser buckets are kept, not derived, so that a
/// range is answered from a handful of cells: [from, to) is cut into whole years, months, days and edge hours, and
/// their cells are merged. Both forms answer alike, to the customer: a sum adds the same buyers' hashes either way.
/// A lifetime cell is kept beside either.
/// </summary>
/// <remarks>
/// Most books are small: a farmer household or a village sells a few times an hour at the busiest, and with cells a
/// sale cost 690–2,200 bytes (up to four new buckets, each in a dictionary); kept as it came it costs 48
/// (bench/Villages.Benchmarks book-memory: 288 bytes for a one-sale book against 2,191 bucketed).
/// Reading a bucketed book must change nothing in it, not even a cache: a figures grain writes such a book out on
/// another thread while its queries go on reading it. A small book's reads sort its kept movements, so it is written
/// out in the grain's turn.
/// </remarks>
public sealed partial class FiguresBook(int bucketAfter)
{
    /// <summary>How many movements a book keeps as they came before it buckets them.</summary>
    public const int DefaultBucketAfter = 4_096;

    // Format 1 held buckets only; format 2 says which form follows.
    private const byte BucketsOnlyFormat = 1;
    private const byte FormatVersion = 2;

    // Products by number. Most books sell one to a few products, so they are looked up in the list itself and a
    // dictionary is only built for a book with more: with one from the first product a one-sale book is 503 bytes,
    // without it 288 (book-memory, the index's threshold set to 0 for the first figure).
    private const int ProductsWithoutIndex = 8;
    private readonly List<string> _products = new(1);
    private Dictionary<string, int>? _productIds;
    private Cell _lifetime;

    public FiguresBook()
        : this(DefaultBucketAfter)
    {
    }

    /// <summary>Everything the book holds, for reading: a copy that shares the customer set with the book.</summary>
    public Cell Lifetime => _lifetime;

    /// <summary>Whether the book has turned its movements into cells per bucket.</summary>
    public bool IsBucketed => _buckets is not null;

    public void Apply(in Movement m)
    {
        var productId = ProductId(m.Product);
        _lifetime.Add(m);
        if (_buckets is null && _keptCount < bucketAfter)
        {
            Keep(m, productId);
            return;
        }

        if (_buckets is null)
        {
            BucketKeptMovements();
        }

        AddToBuckets(m, new SliceKey(m.Platform, m.Category, productId));
    }

    /// <summary>The figures of the hour buckets that start within [from, to) (CST wall clock), for one slice.</summary>
    public Cell Sum(DateTime from, DateTime to, Slice slice)
    {
        var total = new Cell();
        SumInto(ref total, from, to, slice, withCustomers: true);
        return total;
    }

    /// <summary>
    /// The additive figures of <see cref="Sum"/> alone, for a year-earlier comparison: merging the buyers of a busy
    /// bucket means a pass over its 16 KiB sketch, which was half the cost of a county's daily series.
    /// </summary>
    public Tally SumTally(DateTime from, DateTime to, Slice slice)
    {
        var total = new Cell();
        SumInto(ref total, from, to, slice, withCustomers: false);
        return total.Tally;
    }

    /// <summary>
    /// The figures of <see cref="Sum"/>. A range that is one bucket's cell for the slice (a day of a daily series) is
    /// read where it lies: the sum would copy its customer set first, 16 KiB for a busy bucket; a daily series of a
    /// year allocated 5.8 MB a query that way and 80 KB this way (bench/Villages.Benchmarks, SeriesBenchmarks).
    /// </summary>
    public Figures FiguresOf(DateTime from, DateTime to, Slice slice)
    {
        if (_buckets is not null && TryResolve(slice, out var productId)
            && TryOneBucketCell(CeilingHour(from), CeilingHour(to), slice, productId, out var cell))
        {
            return cell.ToFigures();
        }

        return Sum(from, to, slice).ToFigures();
    }

    private void SumInto(ref Cell total, DateTime from, DateTime to, Slice slice, bool withCustomers)
    {
        if (!TryResolve(slice, out var productId))
        {
            return;
        }

        var a = CeilingHour(from);
        var b = CeilingHour(to);
        if (_buckets is null)
        {
            AddKeptTo(ref total, Cst.BucketOf(Interval.Hour, a), Cst.BucketOf(Interval.Hour, b), slice, productId, withCustomers);
        }
        else
        {
            AddBucketsTo(ref total, a, b, slice, productId, withCustomers);
        }
    }

    /// <summary>One point per bucket of <paramref name="interval"/> that meets [from, to), each clipped to the range.</summary>
    public IReadOnlyList<SeriesPoint> Series(DateTime from, DateTime to, Interval interval, Slice slice) =>
        SeriesRanges(from, to, interval, slice, (start, a, b, lastYearNet) =>
        {
            var figures = FiguresOf(a, b, slice);
            return new SeriesPoint(start, figures, Growth.Of(figures.Tally.Net, lastYearNet));
        });

    /// <summary>The cells behind <see cref="Series"/>, with last year's net of each bucket, for merging with other books.</summary>
    public IReadOnlyList<SeriesCell> SeriesCells(DateTime from, DateTime to, Interval interval, Slice slice) =>
        SeriesRanges(from, to, interval, slice, (start, a, b, lastYearNet) => new SeriesCell(start, Sum(a, b, slice), lastYearNet));

    /// <summary>Each point's start, its range clipped to [from, to), and the same range's net a year earlier.</summary>
    private List<T> SeriesRanges<T>(DateTime from, DateTime to, Interval interval, Slice slice, Func<DateTime, DateTime, DateTime, long, T> point)
    {
        var points = new List<T>();
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
            var lastYear = SumTally(lastYearFrom, lastYearTo, slice).Net;
            points.Add(point(start, clippedFrom, clippedTo, lastYear));
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

        w.Write(IsBucketed);
        if (IsBucketed)
        {
            WriteBuckets(w);
        }
        else
        {
            WriteKept(w);
        }

        _lifetime.WriteTo(w);
    }

    public static FiguresBook ReadFrom(BinaryReader r)
    {
        var version = r.ReadByte();
        if (version is not (FormatVersion or BucketsOnlyFormat))
        {
            throw new InvalidDataException($"Figures were written in format {version}; this build reads formats {BucketsOnlyFormat} and {FormatVersion}.");
        }

        var book = new FiguresBook();
        var products = r.ReadInt32();
        for (var i = 0; i < products; i++)
        {
            book.ProductId(r.ReadString());
        }

        if (version == BucketsOnlyFormat || r.ReadBoolean())
        {
            book.ReadBuckets(r);
        }
        else
        {
            book.ReadKept(r);
        }

        book._lifetime = Cell.ReadFrom(r);
        return book;
    }

    /// <param name="sizeHint">
    /// The size the bytes are likely to have (the last checkpoint's): a national book is tens of megabytes, and a
    /// stream grown by doubling copied and discarded about twice that on the large-object heap.
    /// </param>
    public byte[] ToBytes(int sizeHint = 0)
    {
        using var stream = new MemoryStream(sizeHint > 0 ? sizeHint + (sizeHint / 8) : 0);
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
        var id = FindProduct(product);
        if (id >= 0)
        {
            return id;
        }

        id = _products.Count;
        _products.Add(product);
        if (_productIds is not null)
        {
            _productIds.Add(product, id);
        }
        else if (_products.Count > ProductsWithoutIndex)
        {
            _productIds = new Dictionary<string, int>(_products.Count * 2, StringComparer.Ordinal);
            for (var i = 0; i < _products.Count; i++)
            {
                _productIds.Add(_products[i], i);
            }
        }

        return id;
    }

    private int FindProduct(string product)
    {
        if (_productIds is not null)
        {
            return _productIds.TryGetValue(product, out var id) ? id : -1;
        }

        for (var i = 0; i < _products.Count; i++)
        {
            if (string.Equals(_products[i], product, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private bool TryResolve(Slice slice, out int productId)
    {
        productId = slice.Product is null ? -1 : FindProduct(slice.Product);
        return slice.Product is null || productId >= 0;
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
