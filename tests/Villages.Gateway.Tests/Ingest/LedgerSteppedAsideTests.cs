using System.Net;
using System.Net.Http.Json;
using Villages.Abstractions.Ingest;
using Villages.Gateway.Tests.Infrastructure;

namespace Villages.Gateway.Tests.Ingest;

/// <summary>
/// A ledger that finds the journal moved under it (another activation of it wrote) writes nothing of the batch and
/// steps aside. The client must hear "retry" (503 with Retry-After), not "failed" (500), since the resend is safe.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class LedgerSteppedAsideTests(NodeFixture node)
{
    private HttpClient Client => node.Client;

    [Fact]
    public async Task A_batch_whose_ledger_stepped_aside_answers_503_with_retry_after_and_its_resend_is_counted_once()
    {
        var seller = "s-" + Guid.NewGuid().ToString("N");
        await Client.Put($"/api/sellers/{seller}", Lines.Seller("659002100201"));
        var (first, _) = await Client.Post("/api/sales", new[] { Lines.Sale(seller + "-1", seller) });
        Assert.Equal(HttpStatusCode.OK, first);

        // What a second activation of the same ledger committing a batch looks like to the active one.
        await Villages.Tests.Shared.LedgerPositions.MoveOn(node.DataFolder, LedgerPartition.Of(seller));

        var batch = new[] { Lines.Sale(seller + "-2", seller) };
        using (var refused = await Client.PostAsJsonAsync("/api/sales", batch))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
        }

        var (resent, answer) = await Client.Post("/api/sales", batch);
        Assert.Equal(HttpStatusCode.OK, resent);
        Assert.Equal((1, 0), (answer!["accepted"]!.GetValue<int>(), answer["duplicates"]!.GetValue<int>()));
        await Client.Settle();
        Assert.Equal(2, (await Client.GetOk($"/api/sellers/{seller}"))["totals"]!["orders"]!.GetValue<int>());
    }
}
