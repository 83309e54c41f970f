using Villages.Cli.Generation;

namespace Villages.Cli.Segments;

/// <summary>
/// The buyers of the 832 programme inside its window. Purchases are numbered across the programme's segments;
/// the first <c>distinct</c> purchases each bring a new customer and every later one is a repeat purchase by a
/// random earlier customer, so the distinct count is exact as soon as there are at least that many purchases.
/// </summary>
internal sealed class ProgrammeCustomers(Tokens tokens, long distinct)
{
    public long Distinct => distinct;

    public string ForPurchase(long sequence, Random random) => tokens.Of(sequence < distinct ? sequence : random.NextInt64(distinct));

    /// <summary>A returning customer, for lines outside the window, which must not add new ones.</summary>
    public string Returning(Random random) => tokens.Of(random.NextInt64(distinct));
}
