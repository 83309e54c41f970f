using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Villages.Abstractions.Registry;
using Villages.Cli.Lines;
using Villages.Domain.Catalog;
using Villages.Domain.Ingest;
using Villages.Domain.Money;

namespace Villages.Cli.Wire;

/// <summary>
/// The v1 request bodies of API.md. Money leaves as yuan with exactly two decimals and weight as kilograms with
/// three, both via decimal built from the integer, so no binary fraction ever touches them.
/// </summary>
public static class WireJson
{
    public static byte[] Sales(IEnumerable<SaleLine> lines) => Array(lines, WriteSale);

    public static byte[] Refunds(IEnumerable<RefundLine> lines) => Array(lines, WriteRefund);

    public static byte[] Income(IEnumerable<IncomeLine> lines) => Array(lines, WriteIncome);

    public static byte[] Seller(SellerProfile seller) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("name", seller.Name);
        w.WriteString("villageCode", seller.VillageCode);
        w.WriteString("kind", seller.Kind.ToString().ToLowerInvariant());
        w.WriteNumber("members", seller.Members);
        w.WriteEndObject();
    });

    public static byte[] Programme(ProgrammeRecord programme) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("name", programme.Name);
        w.WriteStartArray("members");
        foreach (var member in programme.Members)
        {
            w.WriteStringValue(member);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>ISO-8601 with the line's own offset (+08:00 for every scenario line).</summary>
    public static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static void WriteSale(Utf8JsonWriter w, SaleLine s)
    {
        w.WriteStartObject();
        w.WriteString("platform", CatalogNames.Name(s.Platform));
        w.WriteString("saleId", s.SaleId);
        w.WriteString("sellerId", s.SellerId);
        w.WriteString("time", Time(s.Time));
        w.WriteString("product", s.Product);
        w.WriteString("category", CatalogNames.Name(s.Category));
        w.WriteNumber("quantity", s.Quantity);
        if (s.WeightGrams > 0)
        {
            w.WriteNumber("weightKg", Grams.ToKilograms(s.WeightGrams));
        }

        w.WriteNumber("amount", Fen.ToYuan(s.AmountFen));
        w.WriteString("customer", s.Customer);
        w.WriteEndObject();
    }

    private static void WriteRefund(Utf8JsonWriter w, RefundLine r)
    {
        w.WriteStartObject();
        w.WriteString("platform", CatalogNames.Name(r.Platform));
        w.WriteString("refundId", r.RefundId);
        w.WriteString("saleId", r.SaleId);
        w.WriteString("sellerId", r.SellerId);
        w.WriteString("time", Time(r.Time));
        w.WriteNumber("amount", Fen.ToYuan(r.AmountFen));
        w.WriteNumber("quantity", r.Quantity);
        w.WriteEndObject();
    }

    private static void WriteIncome(Utf8JsonWriter w, IncomeLine i)
    {
        w.WriteStartObject();
        w.WriteString("sellerId", i.SellerId);
        w.WriteNumber("year", i.Year);
        w.WriteString("source", i.Source);
        w.WriteNumber("amount", Fen.ToYuan(i.AmountFen));
        w.WriteEndObject();
    }

    private static byte[] Array<T>(IEnumerable<T> lines, Action<Utf8JsonWriter, T> write) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var line in lines)
        {
            write(w, line);
        }

        w.WriteEndArray();
    });

    // The relaxed encoder writes '+' of "+08:00" and non-ASCII names as themselves; the bodies never go into HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
