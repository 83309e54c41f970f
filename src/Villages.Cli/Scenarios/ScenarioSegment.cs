using Villages.Domain.Ingest;

namespace Villages.Cli.Scenarios;

/// <summary>
/// One story of the scenario. Its lines are produced anew on every enumeration from the segment's own seeded
/// generator, so they stream at any scale and the refunds can be replayed after all sales were sent.
/// </summary>
public sealed class ScenarioSegment(
    string name,
    string description,
    long saleCount,
    Func<IEnumerable<SaleLine>> sales,
    Func<IEnumerable<RefundLine>>? refunds = null)
{
    public string Name => name;

    public string Description => description;

    public long SaleCount => saleCount;

    public IEnumerable<SaleLine> Sales() => sales();

    public IEnumerable<RefundLine> Refunds() => refunds is null ? [] : refunds();
}
