using Villages.Abstractions.Registry;

namespace Villages.Abstractions.Ingest;

/// <summary>
/// One partition of the sales ledger: it owns the registrations, sales, refunds and income of the sellers whose
/// id hashes to it (see <see cref="LedgerPartition"/>), writes them to the durable journal in one transaction per
/// call, and rolls what it accepted up to every seller, region and nation grain.
/// </summary>
[Alias("villages.ledger")]
public interface ILedgerGrain : IGrainWithIntegerKey
{
    [Alias("register")]
    Task<RegistrationOutcome> RegisterSeller(SellerProfile profile);

    [Alias("sales")]
    Task<LedgerReceipt> RecordSales(IReadOnlyList<SaleEntry> sales);

    [Alias("refunds")]
    Task<LedgerReceipt> RecordRefunds(IReadOnlyList<RefundEntry> refunds);

    [Alias("income")]
    Task<LedgerReceipt> RecordIncome(IReadOnlyList<IncomeEntry> income);

    /// <summary>Activates the ledger if it is not, so that acknowledged lines left unrolled by a crash roll up.</summary>
    [Alias("wake")]
    Task Wake();

    /// <summary>Returns once everything this ledger acknowledged before the call is reflected at every level.</summary>
    [Alias("settle")]
    Task Settle();
}
