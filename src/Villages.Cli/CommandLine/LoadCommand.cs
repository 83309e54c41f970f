using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Villages.Cli.Load;
using Villages.Cli.Posting;
using Villages.Cli.Wire;

namespace Villages.Cli.CommandLine;

/// <summary>
/// `villages load`: registers the plan's sellers, makes the request bodies ahead of the clock, then posts them while
/// the optional probes measure queries and freshness in the background; prints and optionally saves the results.
/// </summary>
internal static class LoadCommand
{
    // Relaxed escaping keeps the query paths' '&' readable; the file never goes into HTML.
    private static readonly JsonSerializerOptions ResultJson = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(LoadArguments a, TextWriter stdout, Func<Uri, HttpClient>? clientFor, CancellationToken ct)
    {
        // Progress, resends and probes write from several threads.
        var o = TextWriter.Synchronized(stdout);
        var plan = LoadPlan.Create(a.Plan);
        LoadSummary.Plan(o, plan, a);
        if (a.SaveFolder is { } folder)
        {
            SavedPlan.Prepare(folder);
            SavedPlan.WriteSellers(folder, plan.Sellers);
        }

        if (a.NoPost)
        {
            long lines = 0, batches = 0;
            foreach (var batch in plan.Batches(a.BatchSize, a.Count))
            {
                SavedPlan.WriteBatch(a.SaveFolder!, batch);
                lines += batch.Lines;
                batches++;
            }

            o.WriteLine(Inv($"Saved {plan.Sellers.Count:N0} sellers to {Path.Combine(a.SaveFolder!, SavedPlan.SellersFile)} and {lines:N0} lines in {batches:N0} batches ({SavedPlan.BatchFile(1)} …); posted nothing."));
            return Finish(o, a, new LoadResult(Setup(a, plan), null, null, null, null));
        }

        using var client = clientFor?.Invoke(a.Url) ?? new HttpClient { BaseAddress = a.Url, Timeout = TimeSpan.FromMinutes(2) };
        var tally = new Tally();
        var sender = new RetryingSender(client, new PosterOptions { Progress = line => o.WriteLine($"  {line}") }, tally);

        RegistrationResult? registration = null;
        if (a.Posts && !a.SkipRegister)
        {
            var parallelism = Math.Min(64, a.Parallelism * 4);
            o.WriteLine(Inv($"Registering {plan.Sellers.Count:N0} sellers at {a.Url} …"));
            registration = await Registration.RunAsync(sender, plan.Sellers, parallelism, line => o.WriteLine($"  {line}"), ct);
            LoadSummary.Registered(o, registration);
        }

        if (a.ProbeFreshness > 0)
        {
            await RegisterProbeSeller(sender, plan, ct);
        }

        var result = a.QueriesOnly
            ? await QueriesOnly(a, plan, client, sender, o, ct)
            : (await Post(a, plan, client, sender, tally, o, ct)) with { Registration = registration };
        LoadSummary.Results(o, result);
        return Finish(o, a, result);
    }

    private static async Task<LoadResult> Post(
        LoadArguments a, LoadPlan plan, HttpClient client, RetryingSender sender, Tally tally, TextWriter o, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var batches = plan.Batches(a.BatchSize, a.Count);
        if (a.SaveFolder is { } folder)
        {
            batches = batches.Select(b =>
            {
                SavedPlan.WriteBatch(folder, b);
                return b;
            });
        }

        // A paced run for a duration sends at most rate × duration lines (plus the batch due just before the end).
        var needed = a.Count ?? (a.Rate is { } r && a.Duration is { } d ? (long)Math.Ceiling(r * d.TotalSeconds) + a.BatchSize : null);
        var feed = BatchFeed.Start(batches, BatchFeed.CapacityFor(a.BatchSize, needed), stop.Token);
        var making = Stopwatch.StartNew();
        await feed.FillAsync(ct);
        var ahead = feed.Lines;
        o.WriteLine(Inv($"Made {ahead:N0} lines ({feed.Bytes / 1e6:0.0} MB of JSON) in {making.Elapsed.TotalSeconds:0.00} s before the clock; ")
            + (feed.Producer.IsCompleted || ahead >= needed ? "that is the whole run." : "the rest is made while posting."));

        o.WriteLine($"Posting to {a.Url} …");
        var counters = new IngestCounters();
        var latencies = new Latencies();
        using var whilePosting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var clock = Stopwatch.StartNew();
        if (a.Duration is { } duration)
        {
            stop.CancelAfter(duration);
        }

        var run = new IngestRun(sender, counters, latencies, a.Parallelism, a.Rate).RunAsync(feed.Reader, clock, stop.Token, ct);
        var progress = Ticker.Every(Ticker.Period, Progress(o, a, counters, latencies, clock), whilePosting.Token);
        var queries = a.ProbeQueries is not null ? new QueryProbe(client, plan) : null;
        var asking = queries?.RunAsync(a.ProbeQueries, null, whilePosting.Token, ct) ?? Task.FromResult(TimeSpan.Zero);
        var freshness = a.ProbeFreshness > 0 ? new FreshnessProbe(client, sender, plan, a.ProbeFreshness) : null;
        var probing = freshness?.RunAsync(() => Fraction(counters.Lines, a.Count, clock.Elapsed, a.Duration), run, abort.Token) ?? Task.CompletedTask;

        TimeSpan elapsed;
        try
        {
            await run;
        }
        catch
        {
            await abort.CancelAsync();
            await whilePosting.CancelAsync();
            throw;
        }
        finally
        {
            elapsed = clock.Elapsed;
            await stop.CancelAsync();
        }

        await whilePosting.CancelAsync();
        var asked = await asking;
        await progress;
        await feed.Producer;

        // Probes still due go now, after the last batch, against a node that is catching up.
        await probing;
        var ingest = counters.Result(tally.Retries, elapsed, ahead, latencies.Summary());
        return new LoadResult(Setup(a, plan), null, ingest, queries?.Result(a.ProbeQueries, asked), freshness?.Result());
    }

    private static async Task<LoadResult> QueriesOnly(LoadArguments a, LoadPlan plan, HttpClient client, RetryingSender sender, TextWriter o, CancellationToken ct)
    {
        o.WriteLine($"Asking {a.Url} …");
        var queries = new QueryProbe(client, plan);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var background = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var clock = Stopwatch.StartNew();
        if (a.Duration is { } duration)
        {
            stop.CancelAfter(duration);
        }

        var asking = queries.RunAsync(a.ProbeQueries, a.Count, stop.Token, ct);
        var progress = Ticker.Every(Ticker.Period, () => o.WriteLine(Inv($"  {clock.Elapsed.TotalSeconds,5:0} s  {queries.Asked:N0} queries asked")), background.Token);
        var freshness = a.ProbeFreshness > 0 ? new FreshnessProbe(client, sender, plan, a.ProbeFreshness) : null;
        var probing = freshness?.RunAsync(() => Fraction(queries.Asked, a.Count, clock.Elapsed, a.Duration), asking, background.Token) ?? Task.CompletedTask;
        TimeSpan asked;
        try
        {
            asked = await asking;
        }
        catch
        {
            await background.CancelAsync();
            throw;
        }

        await probing;
        await background.CancelAsync();
        await progress;
        return new LoadResult(Setup(a, plan), null, null, queries.Result(a.ProbeQueries, asked), freshness?.Result());
    }

    private static Action Progress(TextWriter o, LoadArguments a, IngestCounters counters, Latencies latencies, Stopwatch clock)
    {
        var lastLines = 0L;
        var lastTime = TimeSpan.Zero;
        return () =>
        {
            var (lines, now) = (counters.Lines, clock.Elapsed);
            var rate = (lines - lastLines) / Math.Max(0.001, (now - lastTime).TotalSeconds);
            (lastLines, lastTime) = (lines, now);
            var of = a.Count is { } c ? Inv($" of {c:N0}") : "";
            var p50 = latencies.Summary() is { } l ? Inv($"{l.P50Ms:N0} ms") : "–";
            o.WriteLine(Inv($"  {now.TotalSeconds,5:0} s  {lines:N0}{of} lines sent  {rate,8:N0} lines/s now  p50 batch {p50}"));
        };
    }

    /// <summary>How far the run is, 0 to 1, by lines (or queries) or by time, whichever is further.</summary>
    private static double Fraction(long done, long? count, TimeSpan elapsed, TimeSpan? duration) =>
        Math.Max(count is { } c ? done / (double)c : 0, duration is { } d ? elapsed / d : 0);

    private static async Task RegisterProbeSeller(RetryingSender sender, LoadPlan plan, CancellationToken ct)
    {
        var seller = plan.ProbeSeller;
        var what = $"probe seller {seller.SellerId}";
        var (status, body) = await sender.SendAsync(HttpMethod.Put, $"api/sellers/{Uri.EscapeDataString(seller.SellerId)}", WireJson.Seller(seller), what, ct);
        if (status is not (HttpStatusCode.Created or HttpStatusCode.OK))
        {
            throw ScenarioPoster.Unexpected(what, status, body);
        }
    }

    private static LoadSetup Setup(LoadArguments a, LoadPlan plan) => new(
        a.Url.AbsoluteUri,
        a.NoPost ? "save" : a.QueriesOnly ? "queries-only" : "post",
        plan.Options.Seed,
        plan.Options.Run,
        plan.Sellers.Count,
        plan.VillageCount,
        plan.VillagesUsed,
        plan.VillagesDescription,
        plan.CustomerPoolSize,
        plan.Options.Year,
        a.Count,
        a.Duration?.TotalSeconds,
        a.Rate,
        a.BatchSize,
        a.Parallelism,
        plan.BusiestCounty,
        plan.BusiestVillage);

    private static int Finish(TextWriter o, LoadArguments a, LoadResult result)
    {
        if (a.JsonPath is { } path)
        {
            File.WriteAllText(path, JsonSerializer.Serialize(result, ResultJson) + "\n");
            o.WriteLine($"Results written to {path}");
        }

        return result.Ok ? CliApp.Ok : CliApp.Failed;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
