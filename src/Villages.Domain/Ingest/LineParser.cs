using System.Text.Json;
using Villages.Domain.Money;

namespace Villages.Domain.Ingest;

/// <summary>Turns a raw line into a validated domain line, or into a rejection naming each bad field and why.</summary>
public static class LineParser
{
    public static bool TryParseSale(RawLine raw, out SaleLine? sale, out LineRejection? rejection)
    {
        sale = null;
        if (!Readable(raw, out var json, out rejection))
        {
            return false;
        }

        var f = new FieldReader(json);
        var parsed = new SaleLine(
            f.Platform("platform"),
            f.Text("saleId"),
            f.Text("sellerId"),
            f.Time("time"),
            f.Product("product"),
            f.Category("category"),
            f.PositiveInteger("quantity"),
            f.PositiveDecimal("weightKg", Grams.Scale, optional: true),
            f.PositiveDecimal("amount", Fen.Scale),
            f.Text("customer"));
        return Finish(raw, f, parsed, "saleId", ref sale, ref rejection);
    }

    public static bool TryParseRefund(RawLine raw, out RefundLine? refund, out LineRejection? rejection)
    {
        refund = null;
        if (!Readable(raw, out var json, out rejection))
        {
            return false;
        }

        var f = new FieldReader(json);
        var parsed = new RefundLine(
            f.Platform("platform"),
            f.Text("refundId"),
            f.Text("saleId"),
            f.Text("sellerId"),
            f.Time("time"),
            f.PositiveDecimal("amount", Fen.Scale),
            f.PositiveInteger("quantity"));
        return Finish(raw, f, parsed, "refundId", ref refund, ref rejection);
    }

    public static bool TryParseIncome(RawLine raw, out IncomeLine? income, out LineRejection? rejection)
    {
        income = null;
        if (!Readable(raw, out var json, out rejection))
        {
            return false;
        }

        var f = new FieldReader(json);
        var parsed = new IncomeLine(f.Text("sellerId"), f.Year("year"), f.Text("source"), f.PositiveDecimal("amount", Fen.Scale));
        return Finish(raw, f, parsed, "sellerId", ref income, ref rejection);
    }

    private static bool Readable(RawLine raw, out JsonElement json, out LineRejection? rejection)
    {
        rejection = null;
        json = default;
        if (raw.Json is { } element)
        {
            json = element;
            return true;
        }

        rejection = LineRejection.Of(raw.Index, null, "line", raw.Error ?? "is not a JSON object");
        return false;
    }

    private static bool Finish<T>(RawLine raw, FieldReader f, T parsed, string idField, ref T? line, ref LineRejection? rejection)
        where T : class
    {
        if (f.Ok)
        {
            line = parsed;
            return true;
        }

        rejection = new LineRejection(raw.Index, f.Peek(idField), f.Errors);
        return false;
    }
}
