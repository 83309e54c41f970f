using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Villages.Cli.Posting;

namespace Villages.Cli.Load;

/// <summary>
/// Posts the feed's batches with a fixed number of requests in flight, flat out or paced to a line rate. A batch's
/// latency is the whole exchange as a client sees it, resends after a 503 or a dropped connection included.
/// </summary>
internal sealed class IngestRun(RetryingSender sender, IngestCounters counters, Latencies latencies, int parallelism, double? linesPerSecond)
{
    /// <summary>
    /// Runs until the feed is empty or <paramref name="stop"/> (the duration) fires; batches already in flight are
    /// still answered and counted. A request that stays unanswered past the retry bound stops every worker.
    /// </summary>
    public async Task RunAsync(ChannelReader<LoadBatch> batches, Stopwatch clock, CancellationToken stop, CancellationToken ct)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var workers = Enumerable.Range(0, parallelism).Select(_ => Task.Run(async () =>
        {
            try
            {
                await Work(batches, clock, failed.Token, ct);
            }
            catch
            {
                await failed.CancelAsync();
                throw;
            }
        }, CancellationToken.None)).ToArray();
        await Task.WhenAll(workers);
    }

    private async Task Work(ChannelReader<LoadBatch> batches, Stopwatch clock, CancellationToken stop, CancellationToken ct)
    {
        while (true)
        {
            LoadBatch? batch;
            try
            {
                if (!await batches.WaitToReadAsync(stop) || !batches.TryRead(out batch))
                {
                    if (batches.Completion.IsCompleted)
                    {
                        return;
                    }

                    continue;
                }

                if (linesPerSecond is { } rate && TimeSpan.FromSeconds(batch.FirstLine / rate) - clock.Elapsed is { Ticks: > 0 } early)
                {
                    await Task.Delay(early, stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                return;
            }

            await Send(batch, ct);
        }
    }

    private async Task Send(LoadBatch batch, CancellationToken ct)
    {
        var what = $"sales batch {batch.Number}";
        var started = Stopwatch.GetTimestamp();
        var (status, body) = await sender.SendAsync(HttpMethod.Post, "api/sales", batch.Body, what, ct);
        latencies.Add(Stopwatch.GetElapsedTime(started));
        if (status != HttpStatusCode.OK)
        {
            counters.Failed(batch, $"the API answered {(int)status} {status}: {(body.Length > 500 ? body[..500] + "…" : body)}");
            return;
        }

        try
        {
            counters.Answered(batch, ScenarioPoster.ReadAnswer(body, what));
        }
        catch (Exception e) when (e is JsonException or ScenarioPostException)
        {
            counters.Failed(batch, $"unreadable answer: {e.Message}");
        }
    }
}
