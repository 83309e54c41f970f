using Villages.Abstractions;
using Villages.Abstractions.Ingest;
using Villages.Domain.Ingest;
using Villages.Gateway.Contract;

namespace Villages.Gateway.Ingest;

/// <summary>
/// POST /api/sales, /api/refunds, /api/income. Lines are validated here, field by field; the valid ones go to
/// their sellers' ledgers in parallel, one call per ledger, and the answer is sent only after every ledger has
/// committed its part.
/// </summary>
public static class IngestEndpoints
{
    public static void MapIngest(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Ingest");
        group.MapPost("/sales", (HttpRequest request, IGrainFactory grains) =>
                Ingest<SaleEntry>(request, grains, Parse<SaleLine, SaleEntry>(LineParser.TryParseSale, SaleEntry.From), e => e.SellerId, (g, b) => g.RecordSales(b)))
            .WithSummary("Record sale lines (JSON array or NDJSON, up to 10,000)");
        group.MapPost("/refunds", (HttpRequest request, IGrainFactory grains) =>
                Ingest<RefundEntry>(request, grains, Parse<RefundLine, RefundEntry>(LineParser.TryParseRefund, RefundEntry.From), e => e.SellerId, (g, b) => g.RecordRefunds(b)))
            .WithSummary("Record refunds of accepted sales");
        group.MapPost("/income", (HttpRequest request, IGrainFactory grains) =>
                Ingest<IncomeEntry>(request, grains, Parse<IncomeLine, IncomeEntry>(LineParser.TryParseIncome, IncomeEntry.From), e => e.SellerId, (g, b) => g.RecordIncome(b)))
            .WithSummary("Record households' income from other sources (the later record for a seller, year and source replaces the earlier)");
    }

    private delegate bool TryParse<TLine>(RawLine raw, out TLine? line, out LineRejection? rejection);

    private static Func<RawLine, (TEntry? Entry, LineRejection? Rejection)> Parse<TLine, TEntry>(TryParse<TLine> parse, Func<int, TLine, TEntry> toEntry)
        where TEntry : class
        where TLine : class =>
        raw => parse(raw, out var line, out var rejection) ? (toEntry(raw.Index, line!), null) : (null, rejection);

    private static async Task<IResult> Ingest<TEntry>(
        HttpRequest request,
        IGrainFactory grains,
        Func<RawLine, (TEntry? Entry, LineRejection? Rejection)> parse,
        Func<TEntry, string> sellerOf,
        Func<ILedgerGrain, IReadOnlyList<TEntry>, Task<LedgerReceipt>> record)
        where TEntry : class
    {
        var body = await ReadBody(request);
        var ndjson = request.ContentType?.StartsWith("application/x-ndjson", StringComparison.OrdinalIgnoreCase) == true;
        if (!BatchReader.TryRead(body, ndjson, out var lines, out var error))
        {
            return Problems.Invalid("body", error!);
        }

        var rejected = new List<RejectedLineJson>();
        var byLedger = new Dictionary<int, List<TEntry>>();
        foreach (var raw in lines)
        {
            var (entry, rejection) = parse(raw);
            if (entry is null)
            {
                rejected.Add(new RejectedLineJson(rejection!.Index, rejection.Id, rejection.Errors));
                continue;
            }

            var ledger = LedgerPartition.Of(sellerOf(entry));
            if (!byLedger.TryGetValue(ledger, out var part))
            {
                byLedger[ledger] = part = [];
            }

            part.Add(entry);
        }

        var receipts = await Task.WhenAll(byLedger.Select(p => record(grains.Ledger(p.Key), p.Value)));
        foreach (var r in receipts.SelectMany(r => r.Rejected))
        {
            rejected.Add(new RejectedLineJson(r.Index, r.Id, new Dictionary<string, string[]> { [r.Field] = [r.Message] }));
        }

        rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
        return Results.Ok(new IngestJson(receipts.Sum(r => r.Accepted), receipts.Sum(r => r.Duplicates), rejected));
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBody(HttpRequest request)
    {
        // The declared length only sizes the first buffer (never trusted beyond 8 MiB); Kestrel enforces the real limit.
        using var buffer = new MemoryStream((int)Math.Clamp(request.ContentLength ?? 0, 64 * 1024, 8 * 1024 * 1024));
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
