using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Villages.Cli.Scenarios;
using Villages.Cli.Wire;

namespace Villages.Cli.Posting;

/// <summary>
/// Sends a plan through the v1 HTTP API with any <see cref="HttpClient"/> (the CLI's, or a test server's): the
/// programme, the sellers, the sales, then the refunds (whose sales must be accepted first), the other income, and
/// finally a settle so the figures can be read at once. Stops at the first rejected line.
/// </summary>
public static class ScenarioPoster
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static Task<ScenarioReport> PostAsync(HttpClient client, ScenarioPlan plan, CancellationToken ct) =>
        PostAsync(client, plan, PosterOptions.Default, ct);

    public static async Task<ScenarioReport> PostAsync(HttpClient client, ScenarioPlan plan, PosterOptions options, CancellationToken ct)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        var tally = new Tally();
        var sender = new RetryingSender(client, options, tally);

        await Expect(sender, HttpMethod.Put, $"api/programmes/{Uri.EscapeDataString(plan.Programme.Id)}", WireJson.Programme(plan.Programme), "programme", ct);
        options.Progress?.Invoke($"programme {plan.Programme.Id}: {plan.Programme.Members.Count} members");

        await Parallel.ForEachAsync(plan.Sellers, Parallelism(options, ct), async (seller, token) =>
        {
            var (status, body) = await sender.SendAsync(HttpMethod.Put, $"api/sellers/{Uri.EscapeDataString(seller.SellerId)}", WireJson.Seller(seller), $"seller {seller.SellerId}", token);
            if (status is not (HttpStatusCode.Created or HttpStatusCode.OK))
            {
                throw Unexpected($"seller {seller.SellerId}", status, body);
            }

            tally.Seller(status == HttpStatusCode.Created);
        });
        options.Progress?.Invoke($"sellers: {plan.Sellers.Count} registered");

        var batches = new Batches(sender, options, tally);
        await batches.PostAsync(Tally.Kind.Sales, "api/sales", plan.Sales, WireJson.Sales, plan.SaleCount, ct);
        await batches.PostAsync(Tally.Kind.Refunds, "api/refunds", plan.Refunds, WireJson.Refunds, null, ct);
        await batches.PostAsync(Tally.Kind.Income, "api/income", plan.Income, WireJson.Income, plan.Income.Count, ct);

        var settled = await Expect(sender, HttpMethod.Post, "api/admin/settle", null, "settle", ct);
        using var answer = JsonDocument.Parse(settled);
        var asOf = answer.RootElement.TryGetProperty("asOf", out var a) ? a.GetString() : null;
        options.Progress?.Invoke($"settled as of {asOf}");
        return tally.Report(asOf, clock.Elapsed);
    }

    internal static ParallelOptions Parallelism(PosterOptions options, CancellationToken ct) =>
        new() { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = ct };

    internal static IngestAnswer ReadAnswer(string body, string what) =>
        JsonSerializer.Deserialize<IngestAnswer>(body, Web) ?? throw new ScenarioPostException($"{what}: the API answered with an empty body.");

    internal static ScenarioPostException Unexpected(string what, HttpStatusCode status, string body) =>
        new($"{what}: the API answered {(int)status} {status}: {(body.Length > 2_000 ? body[..2_000] + "…" : body)}");

    private static async Task<string> Expect(RetryingSender sender, HttpMethod method, string path, byte[]? body, string what, CancellationToken ct)
    {
        var (status, text) = await sender.SendAsync(method, path, body, what, ct);
        return status is HttpStatusCode.OK or HttpStatusCode.Created ? text : throw Unexpected(what, status, text);
    }
}
