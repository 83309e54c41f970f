using Villages.Abstractions.Registry;
using Villages.Cli.Lines;
using Villages.Domain.Ingest;

namespace Villages.Cli.Scenarios;

/// <summary>
/// Everything the scenario posts, in the order it must be posted: the programme, the sellers, all sales, their
/// refunds (after their sales), the households' other income. Sales and refunds are lazy and re-enumerable.
/// </summary>
public sealed class ScenarioPlan(
    ScenarioOptions options,
    string configFolder,
    ArticleTargets targets,
    ExpectedFigures expectedFigures,
    ProgrammeRecord programme,
    IReadOnlyList<SellerProfile> sellers,
    IReadOnlyList<ScenarioSegment> segments,
    IReadOnlyList<IncomeLine> income)
{
    public ScenarioOptions Options => options;

    public string ConfigFolder => configFolder;

    public ArticleTargets Targets => targets;

    public ExpectedFigures ExpectedFigures => expectedFigures;

    public ProgrammeRecord Programme => programme;

    public IReadOnlyList<SellerProfile> Sellers => sellers;

    public IReadOnlyList<ScenarioSegment> Segments => segments;

    public IReadOnlyList<IncomeLine> Income => income;

    public long SaleCount => segments.Sum(s => s.SaleCount);

    public IEnumerable<SaleLine> Sales => segments.SelectMany(s => s.Sales());

    public IEnumerable<RefundLine> Refunds => segments.SelectMany(s => s.Refunds());
}
