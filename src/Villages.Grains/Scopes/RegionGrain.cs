using Microsoft.Extensions.Logging;
using Villages.Abstractions;
using Villages.Abstractions.Queries;
using Villages.Domain.Income;
using Villages.Domain.Regions;
using Villages.Grains.Figures;
using Villages.Grains.Journal;

namespace Villages.Grains.Scopes;

/// <summary>A village, township, county, prefecture, province or the nation ("CN"), keyed by its division code.</summary>
public sealed class RegionGrain(
    [PersistentState("region-figures", StorageNames.Villages)] IPersistentState<FiguresState> state,
    IJournal journal,
    PovertyLines povertyLines,
    ILogger<RegionGrain> logger) : FiguresGrain(state, journal, logger), IRegionGrain
{
    private string Code => this.GetPrimaryKeyString();

    protected override JournalScope Scope => JournalScope.ForRegion(Code);

    public async Task<ScopeSummary?> Summary() =>
        Book.Lifetime.Tally.Orders > 0 || await Journal.RegionExists(Code) ? await SummaryOf(Book.Lifetime) : null;

    public async Task<ScopeSummary> SummaryOver(DateTime? from, DateTime? to) => await SummaryOf(RangeTotal(from, to));

    public async Task<IReadOnlyList<ScopeSummary>> Children(DateTime? from, DateTime? to)
    {
        var codes = await Journal.ChildRegions(Code);
        return await Task.WhenAll(codes.Select(c => GrainFactory.Region(c).SummaryOver(from, to)));
    }

    public Task Rename(string name) => Journal.SetRegionName(Code, name);

    public async Task<IncomeView> Income(int year) =>
        IncomeReport.Of(year, await Journal.Households([Scope], year), povertyLines).ToView();

    private async Task<ScopeSummary> SummaryOf(Domain.Figures.Cell totals) => new(
        Code,
        LevelNames.Name(RegionCode.LevelOf(Code)),
        await Journal.RegionName(Code) ?? (Code == RegionCode.Nation ? "中国" : null),
        RegionCode.Parent(Code),
        await AsOf(),
        totals.ToView(),
        await Journal.CountSellers(Scope));
}
