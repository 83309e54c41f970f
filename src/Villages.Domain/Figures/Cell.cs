using Villages.Domain.Sketches;

namespace Villages.Domain.Figures;

/// <summary>The figures of one bucket and one slice: the additive tally and the buyers seen in it.</summary>
/// <remarks>
/// A struct, so that a book's cells live inside its buckets' dictionary entries rather than as objects of their own:
/// a new hour then allocates nothing that the collector must trace and promote. Like its customer set, a copy shares
/// the set's storage with the original, so a copy is only read; a sum starts from a new cell and adds into it.
/// </remarks>
public struct Cell
{
    public Tally Tally;

    // A field, not a property: the sketch is a struct that lives inside the cell and is changed in place.
    public DistinctSketch Customers;

    public void Add(in Movement m, bool withCustomers = true)
    {
        Tally.Add(m);
        if (withCustomers && m.Kind == MovementKind.Sale)
        {
            Customers.Add(m.CustomerHash);
        }
    }

    public void Add(in Cell other, bool withCustomers = true)
    {
        Tally.Add(other.Tally);
        if (withCustomers)
        {
            Customers.UnionWith(other.Customers);
        }
    }

    public readonly Figures ToFigures() => new(Tally, Customers.Estimate());

    public readonly Cell Clone() => new() { Tally = Tally, Customers = Customers.Clone() };

    public readonly void WriteTo(BinaryWriter w)
    {
        w.Write(Tally.Gross);
        w.Write(Tally.Refunds);
        w.Write(Tally.Orders);
        w.Write(Tally.Items);
        w.Write(Tally.ItemsReturned);
        w.Write(Tally.WeightGrams);
        Customers.WriteTo(w);
    }

    public readonly byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            WriteTo(w);
        }

        return stream.ToArray();
    }

    public static Cell FromBytes(byte[] bytes)
    {
        using var r = new BinaryReader(new MemoryStream(bytes));
        return ReadFrom(r);
    }

    public static Cell ReadFrom(BinaryReader r) => new()
    {
        Tally = new Tally(r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64()),
        Customers = DistinctSketch.ReadFrom(r),
    };
}

/// <summary>Figures as answered: the tally plus the distinct-customer estimate.</summary>
public readonly record struct Figures(Tally Tally, long Customers)
{
    public static readonly Figures Zero = default;
}
