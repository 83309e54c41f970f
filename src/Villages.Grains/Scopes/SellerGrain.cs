using Microsoft.Extensions.Logging;
using Villages.Abstractions.Queries;
using Villages.Abstractions.Registry;
using Villages.Domain.Income;
using Villages.Grains.Figures;
using Villages.Grains.Journal;

namespace Villages.Grains.Scopes;

/// <summary>A seller account: a farmer household, a cooperative or an enterprise, with its own figures.</summary>
/// <remarks>
/// No ledger sends a seller its sales: it reads them from its own ledger's part of the journal when it is asked
/// (FiguresGrain.OwnLedger), so it is activated only by queries. Collected after two idle minutes rather than
/// Orleans' fifteen: a seller asked once (a village's ranking asks all of its sellers) is rarely asked again soon, and
/// a village's ranking at a million sellers would otherwise keep their books in memory. Deactivation checkpoints a book
/// worth it, so coming back costs a storage read and a short journal catch-up.
/// </remarks>
[CollectionAgeLimit(Minutes = 2)]
public sealed class SellerGrain(
    [PersistentState("seller-figures", StorageNames.Villages)] IPersistentState<FiguresState> state,
    IJournal journal,
    PovertyLines povertyLines,
    ILogger<SellerGrain> logger) : FiguresGrain(state, journal, logger), ISellerGrain
{
    private string SellerId => Abstractions.Scopes.SellerIdOf(this.GetPrimaryKeyString());

    protected override JournalScope Scope => new JournalScope.OfSeller(SellerId);

    /// <summary>Its ledger, by its id: the one that holds every row of the seller.</summary>
    protected override int? OwnLedger => Abstractions.Ingest.LedgerPartition.Of(SellerId);

    public async Task<SellerProfile?> Profile() => (await Journal.FindSeller(SellerId))?.ToProfile();

    public async Task<ScopeSummary?> Summary()
    {
        var seller = await Journal.FindSeller(SellerId);
        if (seller is null)
        {
            return null;
        }

        // As of a moment read first: every line acknowledged before it has committed, so the catch-up after it reads it.
        var asOf = await AsOf();
        await Current();
        return SummaryOf(seller, asOf, Book.Lifetime.ToView());
    }

    /// <summary>A seller as a scope: one seller, under its village.</summary>
    internal static ScopeSummary SummaryOf(SellerRecord seller, DateTimeOffset asOf, FiguresView totals) =>
        new(seller.SellerId, "seller", seller.Name, seller.VillageCode, asOf, totals, 1);

    public async Task<IncomeView> Income(int year) =>
        IncomeReport.Of(year, await Journal.Households([Scope], year), povertyLines).ToView();
}
