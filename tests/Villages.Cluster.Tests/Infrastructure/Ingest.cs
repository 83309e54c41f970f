using Villages.Abstractions;
using Villages.Abstractions.Ingest;
using Villages.Abstractions.Registry;

namespace Villages.Cluster.Tests.Infrastructure;

/// <summary>Sends batches straight to the ledgers, split by seller the way the gateway splits them, several at a time.</summary>
public static class Ingest
{
    public static async Task Register(IGrainFactory grains, IEnumerable<SellerProfile> sellers)
    {
        foreach (var s in sellers)
        {
            Assert.NotEqual(RegistrationOutcome.WouldMoveSellerWithSales, await grains.LedgerOf(s.SellerId).RegisterSeller(s));
        }
    }

    public static Task<LedgerReceipt[]> Sales(IGrainFactory grains, IEnumerable<List<SaleEntry>> batches) =>
        Send(batches, s => s.SellerId, (ledger, part) => grains.Ledger(ledger).RecordSales(part));

    public static Task<LedgerReceipt[]> Refunds(IGrainFactory grains, IEnumerable<List<RefundEntry>> batches) =>
        Send(batches, r => r.SellerId, (ledger, part) => grains.Ledger(ledger).RecordRefunds(part));

    public static Task Settle(IGrainFactory grains) =>
        Task.WhenAll(grains.Ledgers().Select(l => l.Settle()));

    private static async Task<LedgerReceipt[]> Send<T>(IEnumerable<List<T>> batches, Func<T, string> seller, Func<int, List<T>, Task<LedgerReceipt>> record)
    {
        using var gate = new SemaphoreSlim(8);
        var sends = batches.SelectMany(batch => batch.GroupBy(l => LedgerPartition.Of(seller(l)))).Select(async part =>
        {
            await gate.WaitAsync();
            try
            {
                return await record(part.Key, part.ToList());
            }
            finally
            {
                gate.Release();
            }
        });
        return await Task.WhenAll(sends);
    }
}
