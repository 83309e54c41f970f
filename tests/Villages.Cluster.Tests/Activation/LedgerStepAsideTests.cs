using Villages.Abstractions;
using Villages.Abstractions.Ingest;
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

    [Fact]
    public async Task A_fenced_batch_reaches_the_client_as_a_stepped_aside_ledger_and_the_next_activation_takes_it()
    {
        var seller = "fenced-" + Guid.NewGuid().ToString("N");
        var ledger = fixture.Grains.LedgerOf(seller);
        await ledger.RegisterSeller(Ingest.Household(seller));
        await Ingest.Settle(fixture.Grains);
        var village = fixture.Grains.Region(Ingest.Household(seller).VillageCode);
        var before = (await village.Totals(null, null)).Orders;
        Assert.Equal(1, (await ledger.RecordSales([Ingest.OneSale(seller, "a")])).Accepted);

        await Villages.Tests.Shared.LedgerPositions.MoveOn(fixture.DataFolder, LedgerPartition.Of(seller));

        var refused = await Assert.ThrowsAnyAsync<LedgerSteppedAsideException>(() => ledger.RecordSales([Ingest.OneSale(seller, "b")]));
        Assert.Contains("could not commit batch", refused.Message, StringComparison.Ordinal);

        Assert.Equal(1, (await ledger.RecordSales([Ingest.OneSale(seller, "b")])).Accepted);
        await ledger.Settle();
        Assert.Equal(2, (await fixture.Grains.Seller(seller).Totals(null, null)).Orders);
        Assert.Equal(before + 2, (await village.Totals(null, null)).Orders);
    }

}
