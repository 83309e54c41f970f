namespace Villages.Cli.Load;

/// <summary>
/// Zipf's law with exponent 1 over seller ranks: the seller of rank r sells in proportion to 1/(r+1), so with
/// 10,000 sellers the top 1% make about half of all sales, as a few star shops do on the platforms.
/// </summary>
/// <remarks>
/// Exponent 1 needs no Math.Pow, whose last bit may differ between machines: the weights are IEEE divisions and
/// sums in a fixed order, so the same seed draws the same sellers everywhere.
/// </remarks>
internal sealed class Popularity
{
    private readonly double[] _cumulative;

    public Popularity(int sellers)
    {
        _cumulative = new double[sellers];
        var sum = 0.0;
        for (var rank = 0; rank < sellers; rank++)
        {
            sum += Weight(rank);
            _cumulative[rank] = sum;
        }
    }

    public int Count => _cumulative.Length;

    public static double Weight(int rank) => 1.0 / (rank + 1);

    public int Sample(Random random)
    {
        var x = random.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, x);
        return Math.Min(i < 0 ? ~i : i, _cumulative.Length - 1);
    }
}
