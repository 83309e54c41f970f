using Villages.Abstractions.Ingest;
using Villages.Abstractions.Registry;
using Villages.Abstractions.Rollup;
using Villages.Domain.Income;

namespace Villages.Grains.Journal;

/// <summary>
/// The durable record of everything acknowledged: seller registrations, sale and refund lines with the ledger
/// batch (ledger, seq) that accepted them, income records and region names. It is the source of truth the
/// figures grains are rebuilt from; each Append* call is one transaction, and returns only once it is committed.
/// </summary>
public interface IJournal
{
    Task<SellerRecord?> FindSeller(string sellerId);

    /// <summary>The registered sellers among the ids, by id; ids not registered are absent.</summary>
    Task<Dictionary<string, SellerRecord>> FindSellers(IReadOnlyCollection<string> sellerIds);

    Task<RegistrationOutcome> RegisterSeller(SellerProfile profile);

    /// <summary>The sellers registered in a village: the village's children.</summary>
    Task<IReadOnlyList<SellerRecord>> SellersIn(string villageCode);

    /// <summary>The last batch number ledger <paramref name="ledger"/> committed (0 before any).</summary>
    Task<long> LastSequence(int ledger);

    /// <summary>Stores the sales under batch <paramref name="seq"/>; true at each position whose key was new.</summary>
    Task<bool[]> AppendSales(int ledger, long seq, IReadOnlyList<(SaleEntry Sale, SellerRecord Seller)> sales);

    /// <summary>Checks each refund against what is left of its sale and stores those that fit, under batch <paramref name="seq"/>.</summary>
    Task<(RefundCheck[] Checks, RollupEntry?[] Accepted, string[] VillageCodes)> AppendRefunds(int ledger, long seq, IReadOnlyList<RefundEntry> refunds);

    /// <summary>Stores income records (later replaces earlier); true where something changed.</summary>
    Task<bool[]> AppendIncome(IReadOnlyList<IncomeEntry> income);

    /// <summary>
    /// Rows of the scope in several ledgers' batch windows at once, for a region catching up from its checkpoint: one
    /// statement however many ledgers moved on, not one a ledger.
    /// </summary>
    Task<List<RollupEntry>> ReadWindows(JournalScope scope, IReadOnlyList<BatchWindow> windows);

    /// <summary>
    /// The scope's rows in one ledger's batches after <paramref name="afterSeq"/>, each with its batch: every row it has
    /// there up to the last batch the read sees, with no position to read first. A ledger's batches commit one after
    /// another, in order, so a read that sees one of them sees every batch before it. For a seller, whose rows are all
    /// in its own ledger: one seek of its part of the village index.
    /// </summary>
    Task<List<(long Seq, RollupEntry Entry)>> ReadAfter(JournalScope scope, int ledger, long afterSeq);

    /// <summary>
    /// A village's rows in the batches of every ledger after its entry of <paramref name="afterSeqs"/> (indexed by
    /// ledger), each with its ledger and batch, in one statement: <see cref="ReadAfter(JournalScope, int, long)"/> for
    /// every ledger at once, seen at one moment, since a village's sellers' rows are spread over every ledger; one seek
    /// of the village index a seller and ledger. Only a village's scope (<see cref="JournalScope.UnderRegion"/> of a
    /// village code) is taken.
    /// </summary>
    Task<List<(int Ledger, long Seq, RollupEntry Entry)>> ReadAfter(JournalScope scope, IReadOnlyList<long> afterSeqs);

    /// <summary>The last committed batch of every ledger, indexed by ledger.</summary>
    Task<long[]> LedgerPositions();

    /// <summary>Every row of the scope with the batch that accepted it, for a grain without a checkpoint.</summary>
    Task<List<(int Ledger, long Seq, RollupEntry Entry)>> ReadAll(JournalScope scope);

    /// <summary>
    /// Rows of one ledger's batches (afterSeq, uptoSeq] in batch order, with where they roll up to, for a ledger
    /// resuming its roll-up.
    /// </summary>
    Task<List<RoutedEntry>> ReadBatches(int ledger, long afterSeq, long uptoSeq);

    /// <summary>The registered sellers inside the scopes, which must not overlap (a programme's members do not).</summary>
    Task<long> CountSellers(IEnumerable<JournalScope> scopes);

    Task<IReadOnlyList<HouseholdIncome>> Households(IReadOnlyList<JournalScope> scopes, int year);

    Task<string?> RegionName(string code);

    Task SetRegionName(string code, string name);

    Task ImportRegions(IEnumerable<(string Code, string Name)> regions);

    /// <summary>Codes of the regions directly below <paramref name="code"/> that are named or have sellers.</summary>
    Task<IReadOnlyList<string>> ChildRegions(string code);

    /// <summary>Whether anything is known under the region: a name or a seller.</summary>
    Task<bool> RegionExists(string code);
}
