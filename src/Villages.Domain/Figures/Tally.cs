namespace Villages.Domain.Figures;

/// <summary>The additive figures of a bucket: money in fen, weight in grams, counts as counts.</summary>
public record struct Tally(long Gross, long Refunds, long Orders, long Items, long ItemsReturned, long WeightGrams)
{
    public readonly long Net => Gross - Refunds;

    public void Add(in Movement m)
    {
        if (m.Kind == MovementKind.Sale)
        {
            Gross += m.AmountFen;
            Orders++;
            Items += m.Quantity;
            WeightGrams += m.WeightGrams;
        }
        else
        {
            Refunds += m.AmountFen;
            ItemsReturned += m.Quantity;
        }
    }

    public void Add(in Tally other)
    {
        Gross += other.Gross;
        Refunds += other.Refunds;
        Orders += other.Orders;
        Items += other.Items;
        ItemsReturned += other.ItemsReturned;
        WeightGrams += other.WeightGrams;
    }
}
