using Microsoft.Extensions.Logging;
using Villages.Abstractions;
using Villages.Abstractions.Queries;
using Villages.Domain.Income;
using Villages.Domain.Regions;
using Villages.Grains.Figures;
using Villages.Grains.Journal;

namespace Villages.Grains.Scopes;

/// <summary>A village, township, county, prefecture, province or the nation ("CN"), keyed by its division code.</summary>
/// <remarks>
/// Villages are collected after two idle minutes, as sellers are: no ledger sends them their rows, which they read when
/// asked (FiguresGrain.ReadsItsRowsWhenAsked), and a village asked once (a township's ranking asks all of its villages)
/// is rarely asked again soon. Coming back costs a storage read and, at the next query, one journal read through the
/// village's own index of what came after its checkpoint. Every level above stays active for the
/// life of the silo: there are about 45,000 of them, in nearly every roll-up and behind most queries, and a township
/// or county catching up reads a range of village codes, which the journal answers by scanning the batches it missed.
/// </remarks>
[CollectionAgeLimit(Minutes = 2)]
public sealed class RegionGrain(
    [PersistentState("region-figures", StorageNames.Villages)] IPersistentState<FiguresState> state,
    IJournal journal,
    PovertyLines povertyLines,
    ILogger<RegionGrain> logger) : FiguresGrain(state, journal, logger), IRegionGrain
{
    private string Code => this.GetPrimaryKeyString();

    protected override JournalScope Scope => JournalScope.ForRegion(Code);

    /// <summary>
    /// A village: its rows are its sellers', a seek each through the village index, and ingest meets villages by the
    /// hundred thousand, most of which nobody asks about for a long while.
    /// </summary>
    protected override bool ReadsItsRowsWhenAsked => RegionCode.IsVillage(Code);

    /// <summary>
    /// Townships, which ingest meets by the ten thousand and whose rows are few. Deferred, a read without a checkpoint
    /// returns every row the region has by then and keeps those below the positions: for a county and above thousands
    /// to millions of rows where the read at activation, early in a load, found a handful (the nation's is the whole
    /// journal).
    /// </summary>
    protected override bool ReadsRowsWhenFirstAsked => RegionCode.LevelOf(Code) is Level.Township;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!RegionCode.IsVillage(Code))
        {
            DelayDeactivation(Timeout.InfiniteTimeSpan);
        }

        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<ScopeSummary?> Summary()
    {
        var (asOf, figures) = await FiguresAsOf(() => Book.Lifetime.ToFigures());
        return figures.Tally.Orders > 0 || await Journal.RegionExists(Code) ? await SummaryOf(asOf, figures) : null;
    }

    public async Task<ScopeSummary> SummaryOver(DateTime? from, DateTime? to)
    {
        var (asOf, figures) = await FiguresAsOf(() => RangeFigures(from, to));
        return await SummaryOf(asOf, figures);
    }

    public async Task<IReadOnlyList<ScopeSummary>> Children(DateTime? from, DateTime? to)
    {
        if (RegionCode.IsVillage(Code))
        {
            // Below a village are its sellers: a seller's parent is its village.
            var sellers = await Journal.SellersIn(Code);
            var asOf = await AsOf();
            var totals = await Task.WhenAll(sellers.Select(s => GrainFactory.Seller(s.SellerId).Totals(from, to)));
            return sellers.Select((s, i) => SellerGrain.SummaryOf(s, asOf, totals[i])).ToList();
        }

        var codes = await Journal.ChildRegions(Code);
        return await Task.WhenAll(codes.Select(c => GrainFactory.Region(c).SummaryOver(from, to)));
    }

    public Task Rename(string name) => Journal.SetRegionName(Code, name);

    public async Task<IncomeView> Income(int year) =>
        IncomeReport.Of(year, await Journal.Households([Scope], year), povertyLines).ToView();

    /// <summary>
    /// The figures are read after <c>asOf</c>: deltas interleave with this call, and a ledger reports its lines rolled
    /// up only once every target applied them, so every line acknowledged before <c>asOf</c> is in a book read after it
    /// (and after <c>Current</c>: a village's read of what the ledgers committed for it since it last looked, a
    /// township's first read of its rows below the positions it read at activation). Read before it, a delta applied
    /// during the awaits, or a line committed before the read, could let <c>asOf</c> promise a line the figures lack.
    /// </summary>
    private async Task<(DateTimeOffset AsOf, Domain.Figures.Figures Figures)> FiguresAsOf(Func<Domain.Figures.Figures> totals)
    {
        var asOf = await AsOf();
        await Current();
        return (asOf, totals());
    }

    private async Task<ScopeSummary> SummaryOf(DateTimeOffset asOf, Domain.Figures.Figures figures) =>
        new(
            Code,
            LevelNames.Name(RegionCode.LevelOf(Code)),
            await Journal.RegionName(Code) ?? (Code == RegionCode.Nation ? "中国" : null),
            RegionCode.Parent(Code),
            asOf,
            figures.ToView(),
            await Journal.CountSellers([Scope]));
}
