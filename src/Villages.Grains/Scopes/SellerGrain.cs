using Microsoft.Extensions.Logging;
using Villages.Abstractions.Queries;
using Villages.Abstractions.Registry;
using Villages.Domain.Income;
using Villages.Grains.Figures;
using Villages.Grains.Journal;

namespace Villages.Grains.Scopes;

/// <summary>A seller account: a farmer household, a cooperative or an enterprise, with its own figures.</summary>
/// <remarks>
/// Collected after two idle minutes rather than Orleans' fifteen: a seller is busy while its ledger rolls its sales
/// up and then rarely asked again, and at a million sellers fifteen minutes keeps every book of a load in memory at
/// once. Deactivation checkpoints the book, so coming back costs a storage read and a short journal catch-up.
/// </remarks>
[CollectionAgeLimit(Minutes = 2)]
public sealed class SellerGrain(
    IJournal journal,
    PovertyLines povertyLines,
    ILogger<SellerGrain> logger) : FiguresGrain(journal, logger), ISellerGrain
{
    private string SellerId => Abstractions.Scopes.SellerIdOf(this.GetPrimaryKeyString());

    protected override JournalScope Scope => new JournalScope.OfSeller(SellerId);

    protected override string CheckpointName => "seller-figures";

    /// <summary>
    /// Its ledger, by its id. Most sellers are first activated by the delta of their first sales, which holds every row
    /// they have; loading at activation read a checkpoint that hardly ever exists, the ledgers' positions and the
    /// seller's rows: three reads each.
    /// </summary>
    protected override int? OwnLedger => Abstractions.Ingest.LedgerPartition.Of(SellerId);

    public async Task<SellerProfile?> Profile() => (await Journal.FindSeller(SellerId))?.ToProfile();

    public async Task<ScopeSummary?> Summary()
    {
        var seller = await Journal.FindSeller(SellerId);
        if (seller is null)
        {
            return null;
        }

        await Current();
        return SummaryOf(seller, await AsOf(), Book.Lifetime.ToView());
    }

    /// <summary>A seller as a scope: one seller, under its village.</summary>
    internal static ScopeSummary SummaryOf(SellerRecord seller, DateTimeOffset asOf, FiguresView totals) =>
        new(seller.SellerId, "seller", seller.Name, seller.VillageCode, asOf, totals, 1);

    public async Task<IncomeView> Income(int year) =>
        IncomeReport.Of(year, await Journal.Households([Scope], year), povertyLines).ToView();
}
