using System.Net;
using System.Text;
using System.Text.Json;
using Villages.Domain.Ingest;

namespace Villages.Cli.Tests.Infrastructure;

/// <summary>
/// An in-memory stand-in for the gateway's v1 contract, just enough to test the poster without a node: it validates
/// lines with the domain's parser, knows registered sellers and accepted keys, answers duplicates, and can be told
/// to fail requests (503 or a broken connection) to exercise retries.
/// </summary>
public sealed class FakeGateway : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _sellers = [];
    private readonly HashSet<string> _saleKeys = [];
    private readonly HashSet<string> _refundKeys = [];

    public List<string> Calls { get; } = [];

    public List<int> BatchSizes { get; } = [];

    /// <summary>How the next requests fail, one entry per request, before requests are served again.</summary>
    public Queue<Failure> Failures { get; } = new();

    /// <summary>Sale ids the fake rejects, as if the contract had changed under the generator.</summary>
    public HashSet<string> RejectSaleIds { get; } = [];

    public int Requests { get; private set; }

    public enum Failure
    {
        Unavailable,
        ConnectionRefused,
    }

    public HttpClient Client() => new(this) { BaseAddress = new Uri("http://fake/") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        lock (_gate)
        {
            Requests++;
            if (Failures.TryDequeue(out var failure))
            {
                return failure == Failure.Unavailable
                    ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
                    : throw new HttpRequestException("Connection refused (fake)");
            }

            var path = request.RequestUri!.AbsolutePath;
            Calls.Add($"{request.Method} {path}");
            return (request.Method.Method, path) switch
            {
                ("PUT", var p) when p.StartsWith("/api/programmes/", StringComparison.Ordinal) => Json(HttpStatusCode.OK, "{}"),
                ("PUT", var p) when p.StartsWith("/api/sellers/", StringComparison.Ordinal) =>
                    Json(_sellers.Add(Uri.UnescapeDataString(p["/api/sellers/".Length..])) ? HttpStatusCode.Created : HttpStatusCode.OK, "{}"),
                ("POST", "/api/sales") => Ingest(body, SaleKey),
                ("POST", "/api/refunds") => Ingest(body, RefundKey),
                ("POST", "/api/income") => Ingest(body, IncomeKey),
                // Every region exists and every series shows one order: enough for the load command's probes.
                ("GET", var p) when p.StartsWith("/api/regions/", StringComparison.Ordinal) => Json(HttpStatusCode.OK, """{"points":[{"orders":1}]}"""),
                ("POST", "/api/admin/settle") => Json(HttpStatusCode.OK, """{"settled":true,"asOf":"2026-01-01T00:00:00.000+08:00"}"""),
                _ => Json(HttpStatusCode.NotFound, "{}"),
            };
        }
    }

    private HttpResponseMessage Ingest(byte[] body, Func<RawLine, (string? Key, string? Error)> keyOf)
    {
        if (!BatchReader.TryRead(body, ndjson: false, out var lines, out var error))
        {
            return Json(HttpStatusCode.BadRequest, JsonSerializer.Serialize(new { title = error }));
        }

        BatchSizes.Add(lines.Count);
        int accepted = 0, duplicates = 0;
        var rejected = new List<object>();
        foreach (var line in lines)
        {
            var (key, problem) = keyOf(line);
            if (key is null)
            {
                rejected.Add(new { index = line.Index, id = (string?)null, errors = new Dictionary<string, string[]> { ["line"] = [problem!] } });
            }
            else if (key.Length == 0)
            {
                accepted++;
            }
            else if (key.StartsWith('!'))
            {
                duplicates++;
            }
            else
            {
                accepted++;
            }
        }

        return Json(HttpStatusCode.OK, JsonSerializer.Serialize(new { accepted, duplicates, rejected }));
    }

    // A key starting with '!' is a duplicate; an empty one has no idempotency key (income replaces).
    private (string?, string?) SaleKey(RawLine raw)
    {
        if (!LineParser.TryParseSale(raw, out var sale, out var rejection))
        {
            return (null, string.Join("; ", rejection!.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        }

        if (!_sellers.Contains(sale!.SellerId) || RejectSaleIds.Contains(sale.SaleId))
        {
            return (null, $"sale {sale.SaleId} refused");
        }

        var key = $"{sale.Platform}/{sale.SaleId}";
        return _saleKeys.Add(key) ? (key, null) : ("!" + key, null);
    }

    private (string?, string?) RefundKey(RawLine raw)
    {
        if (!LineParser.TryParseRefund(raw, out var refund, out _) || !_saleKeys.Contains($"{refund!.Platform}/{refund.SaleId}"))
        {
            return (null, "refund of no accepted sale");
        }

        var key = $"{refund.Platform}/{refund.RefundId}";
        return _refundKeys.Add(key) ? (key, null) : ("!" + key, null);
    }

    private (string?, string?) IncomeKey(RawLine raw) =>
        LineParser.TryParseIncome(raw, out var income, out _) && _sellers.Contains(income!.SellerId) ? ("", null) : (null, "bad income line");

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
