using Villages.Abstractions;
using Villages.Abstractions.Ingest;
using Villages.Abstractions.Registry;
using Villages.Cluster.Tests.Infrastructure;

namespace Villages.Cluster.Tests.Activation;

/// <summary>
/// A ledger activation that finds the journal moved under it refuses the batch with an exception a client outside the
/// silo can recognise (it crosses the wire as itself, not as an unknown type), and the next call meets a fresh
/// activation that reads the journal's position again.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LedgerStepAsideTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset Noon = new(2017, 11, 11, 12, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task A_fenced_batch_reaches_the_client_as_a_stepped_aside_ledger_and_the_next_activation_takes_it()
    {
        var seller = "fenced-" + Guid.NewGuid().ToString("N");
        var ledger = fixture.Grains.LedgerOf(seller);
        await ledger.RegisterSeller(new SellerProfile(seller, "Household", "110101001001", SellerKind.Household, 3));
        Assert.Equal(1, (await ledger.RecordSales([Sale(seller, "a")])).Accepted);

        await Villages.Tests.Shared.LedgerPositions.MoveOn(fixture.DataFolder, LedgerPartition.Of(seller));

        var refused = await Assert.ThrowsAnyAsync<LedgerSteppedAsideException>(() => ledger.RecordSales([Sale(seller, "b")]));
        Assert.Contains("could not commit batch", refused.Message, StringComparison.Ordinal);

        Assert.Equal(1, (await ledger.RecordSales([Sale(seller, "b")])).Accepted);
        await ledger.Settle();
        Assert.Equal(2, (await fixture.Grains.Seller(seller).Totals(null, null)).Orders);
    }

    private static SaleEntry Sale(string seller, string id) =>
        new(0, 1, $"{seller}-{id}", seller, Noon, "walnuts", 1, 1, 0, 1_000, "buyer");
}
