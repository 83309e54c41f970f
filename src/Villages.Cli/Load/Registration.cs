using System.Diagnostics;
using System.Net;
using Villages.Abstractions.Registry;
using Villages.Cli.Posting;
using Villages.Cli.Wire;

namespace Villages.Cli.Load;

/// <summary>
/// Registers the sellers before any line is sent, many PUTs in flight since each is small, and times it on its own:
/// registration and ingest are different workloads. 201 (new) and 200 (already so) are both success.
/// </summary>
internal static class Registration
{
    public static async Task<RegistrationResult> RunAsync(
        RetryingSender sender, IReadOnlyList<SellerProfile> sellers, int parallelism, Action<string> progress, CancellationToken ct)
    {
        var created = 0;
        var existing = 0;
        var clock = Stopwatch.StartNew();
        using var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var ticker = Ticker.Every(Ticker.Period, () =>
            progress($"{clock.Elapsed.TotalSeconds,5:0} s  {created + existing:N0} of {sellers.Count:N0} sellers registered"), done.Token);
        try
        {
            await Parallel.ForEachAsync(sellers, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (seller, token) =>
            {
                var what = $"seller {seller.SellerId}";
                var (status, body) = await sender.SendAsync(HttpMethod.Put, $"api/sellers/{Uri.EscapeDataString(seller.SellerId)}", WireJson.Seller(seller), what, token);
                switch (status)
                {
                    case HttpStatusCode.Created:
                        Interlocked.Increment(ref created);
                        break;
                    case HttpStatusCode.OK:
                        Interlocked.Increment(ref existing);
                        break;
                    default:
                        throw ScenarioPoster.Unexpected(what, status, body);
                }
            });
        }
        finally
        {
            await done.CancelAsync();
            await ticker;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return new RegistrationResult(sellers.Count, created, existing, parallelism, Math.Round(seconds, 3), seconds > 0 ? Math.Round(sellers.Count / seconds, 1) : 0);
    }
}
