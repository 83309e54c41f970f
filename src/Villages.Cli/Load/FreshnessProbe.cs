using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Villages.Cli.Posting;
using Villages.Cli.Wire;

namespace Villages.Cli.Load;

/// <summary>
/// How long an acknowledged line takes to show at the top: a one-line sale of a product no other line has, then the
/// national series for that product polled until it counts the order. The clock starts at the POST's 200, the
/// moment the API promises the line is durable.
/// </summary>
internal sealed class FreshnessProbe(HttpClient client, RetryingSender sender, LoadPlan plan, int probes)
{
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(10);

    private readonly Latencies _latencies = new();
    private int _measured;
    private int _failed;
    private int _afterPosting;
    private int _repeated;
    private int _polling;
    private string? _firstFailure;

    /// <summary>
    /// Probe k goes when <paramref name="progress"/> (0 to 1) passes (k - ½)/N, so the probes spread over the run, each
    /// on its own schedule however long the one before waits to be seen. Those sent once <paramref name="runDone"/>
    /// has completed are counted as after posting.
    /// </summary>
    public async Task RunAsync(Func<double> progress, Task runDone, CancellationToken ct)
    {
        var sent = new List<Task>();
        for (var k = 1; k <= probes; k++)
        {
            var due = (k - 0.5) / probes;
            while (progress() < due && !runDone.IsCompleted)
            {
                await Task.WhenAny(runDone, Task.Delay(20, ct));
            }

            if (runDone.IsCompleted)
            {
                Interlocked.Increment(ref _afterPosting);
            }

            sent.Add(Measure(k, ct));
        }

        await Task.WhenAll(sent);
    }

    public FreshnessResult Result() => new(probes, _measured, _failed, _repeated, _afterPosting, _latencies.Summary(), _firstFailure);

    private async Task Measure(int k, CancellationToken ct)
    {
        var (seen, failure) = await One(k, ct);
        if (failure is not null)
        {
            if (Interlocked.Increment(ref _failed) == 1)
            {
                _firstFailure = $"probe {k}: {failure}";
            }
        }
        else
        {
            Interlocked.Increment(ref seen ? ref _measured : ref _repeated);
        }
    }

    /// <summary>
    /// Seen: measured. Not seen and no failure: the sale was a duplicate of an earlier run with the same seed and run
    /// tag, visible long ago, so there is nothing to time.
    /// </summary>
    private async Task<(bool Seen, string? Failure)> One(int k, CancellationToken ct)
    {
        var (status, body) = await sender.SendAsync(HttpMethod.Post, "api/sales", WireJson.Sales([plan.Probe(k)]), $"freshness probe {k}", ct);
        var acknowledged = Stopwatch.GetTimestamp();
        if (status != HttpStatusCode.OK)
        {
            return (false, $"the API answered {(int)status} {status} to its sale");
        }

        var answer = ScenarioPoster.ReadAnswer(body, $"freshness probe {k}");
        if (answer.Rejected.Count > 0)
        {
            return (false, $"its sale was rejected: {answer.Rejected[0]}");
        }

        if (answer.Duplicates > 0)
        {
            return (false, null);
        }

        var year = plan.Options.Year;
        var path = string.Create(
            CultureInfo.InvariantCulture, $"api/regions/CN/series?from={year}-01-01&to={year + 1}-01-01&interval=year&product={plan.ProbeProduct(k)}");
        Interlocked.Increment(ref _polling);
        try
        {
            return await Poll(path, acknowledged, ct);
        }
        finally
        {
            Interlocked.Decrement(ref _polling);
        }
    }

    private async Task<(bool Seen, string? Failure)> Poll(string path, long acknowledged, CancellationToken ct)
    {
        while (Stopwatch.GetElapsedTime(acknowledged) < GiveUpAfter)
        {
            try
            {
                using var response = await client.GetAsync(path, ct);
                if (response.StatusCode == HttpStatusCode.OK && Orders(await response.Content.ReadAsStringAsync(ct)) >= 1)
                {
                    _latencies.Add(Stopwatch.GetElapsedTime(acknowledged));
                    return (true, null);
                }
            }
            catch (HttpRequestException)
            {
                // A dropped connection delays the sighting; it is measured, not fatal.
            }

            // Probes waiting together share the polling rate, so they never add more than a light load between them.
            await Task.Delay(PollEvery * Volatile.Read(ref _polling), ct);
        }

        return (false, $"not in the national series {GiveUpAfter.TotalSeconds:0} s after its 200");
    }

    private static long Orders(string series)
    {
        using var json = JsonDocument.Parse(series);
        return json.RootElement.TryGetProperty("points", out var points) && points.GetArrayLength() > 0 && points[0].TryGetProperty("orders", out var orders)
            ? orders.GetInt64()
            : 0;
    }
}
