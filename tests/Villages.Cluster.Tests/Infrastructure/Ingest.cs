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

    /// <summary>Registers the sellers, sends the sales in random batches and settles every ledger.</summary>
    public static async Task Settled(IGrainFactory grains, IEnumerable<SellerProfile> sellers, IReadOnlyList<SaleEntry> sales, Random rng)
    {
        await Register(grains, sellers);
        await Sales(grains, SalesWorld.Batches(sales, rng));
        await Settle(grains);
    }

    /// <summary>A household in a village of Beijing's Dongcheng district, for tests about one seller's ledger.</summary>
    public static SellerProfile Household(string sellerId) => new(sellerId, "Household", "110101001001", SellerKind.Household, 3);

    /// <summary>One sale of walnuts (10 yuan) by the seller on Double 11, 2017, its id the seller's with the suffix.</summary>
    public static SaleEntry OneSale(string sellerId, string suffix) =>
        new(0, 1, $"{sellerId}-{suffix}", sellerId, new DateTimeOffset(2017, 11, 11, 12, 0, 0, TimeSpan.FromHours(8)), "walnuts", 1, 1, 0, 1_000, "buyer");

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
