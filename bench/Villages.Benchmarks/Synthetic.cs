using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Villages.Domain.Catalog;
using Villages.Domain.Figures;
using Villages.Domain.Hashing;
using Villages.Domain.Ingest;
using Villages.Domain.Money;
using Villages.Domain.Time;

namespace Villages.Benchmarks;

/// <summary>
/// Deterministic, plausible inputs for the benchmarks: sale lines shaped like the v1 API's, the same as JSON or NDJSON
/// bodies, and the movements a ledger rolls up from them. Every stream is seeded so that two runs measure the same work.
/// </summary>
internal static class Synthetic
{
    /// <summary>A small catalogue: enough products across categories that books hold many slices, as a county's do.</summary>
    public static readonly (string Product, Category Category)[] Products =
    [
        ("apple", Category.Fruit), ("kiwi", Category.Fruit), ("red-date", Category.Fruit), ("dried-apricot", Category.Fruit),
        ("melon", Category.Fruit), ("potato", Category.Vegetable), ("chili", Category.Vegetable), ("mushroom", Category.Vegetable),
        ("rice", Category.Grain), ("millet", Category.Grain), ("flour", Category.Grain), ("walnut", Category.Nuts),
        ("chestnut", Category.Nuts), ("honey", Category.Livestock), ("mutton", Category.Livestock), ("egg", Category.Livestock),
        ("quilt", Category.Textile), ("carpet", Category.Textile), ("embroidery", Category.Handicraft),
        ("bamboo-basket", Category.Handicraft), ("farm-stay", Category.Tourism), ("rose-jam", Category.Other),
    ];

    // Most volume goes through a few platforms, as in the story; the rest keep every platform's slices alive.
    private static readonly Platform[] PlatformsByWeight =
    [
        Platform.Taobao, Platform.Taobao, Platform.Taobao, Platform.Tmall, Platform.Tmall, Platform.Pinduoduo,
        Platform.Pinduoduo, Platform.Jd, Platform.Wechat, Platform.Suning, Platform.Meituan, Platform.Ctrip, Platform.Self,
    ];

    /// <summary>Buyer tokens as platforms send them: opaque, fixed-length hex, drawn from a pool so buyers repeat.</summary>
    public static string[] Customers(int count, int seed)
    {
        var random = new Random(seed);
        var tokens = new string[count];
        for (var i = 0; i < count; i++)
        {
            tokens[i] = $"c-{(ulong)random.NextInt64():x16}";
        }

        return tokens;
    }

    /// <summary><paramref name="count"/> valid sale lines with times uniform over [from, from + span).</summary>
    public static List<SaleLine> Sales(int count, DateTimeOffset from, TimeSpan span, string[] customers, int seed)
    {
        var random = new Random(seed);
        var sales = new List<SaleLine>(count);
        for (var i = 0; i < count; i++)
        {
            var (product, category) = Products[random.Next(Products.Length)];
            var quantity = 1 + random.Next(5);
            // A unit price of 5 to 300 yuan in whole fen: amounts then have 0 to 2 decimals, as real ones do.
            var amountFen = quantity * (500L + random.Next(29_500));
            sales.Add(new SaleLine(
                PlatformsByWeight[random.Next(PlatformsByWeight.Length)],
                $"s{seed}-{i:D7}",
                $"seller-{random.Next(400):D4}",
                from + TimeSpan.FromSeconds(random.NextDouble() * span.TotalSeconds),
                product,
                category,
                quantity,
                // Weight is optional in the contract; a fifth of the lines leave it out.
                random.Next(5) == 0 ? 0 : quantity * (250L + random.Next(4_750)),
                amountFen,
                customers[random.Next(customers.Length)]));
        }

        return sales;
    }

    /// <summary>The movements a ledger rolls up for these sales, with one refund in twenty as in a live feed.</summary>
    public static Movement[] Movements(IReadOnlyList<SaleLine> sales, int seed)
    {
        var random = new Random(seed);
        var movements = new Movement[sales.Count];
        for (var i = 0; i < sales.Count; i++)
        {
            var s = sales[i];
            // The same conversion as the ledger's RollupEntry: the CST hour, and the buyer's hash for the sketch.
            movements[i] = random.Next(20) == 0
                ? new Movement(MovementKind.Refund, Cst.HourOf(s.Time), s.Platform, s.Category, s.Product, s.AmountFen / 2, 1, 0, 0)
                : new Movement(MovementKind.Sale, Cst.HourOf(s.Time), s.Platform, s.Category, s.Product, s.AmountFen, s.Quantity, s.WeightGrams, CustomerHash.Of(s.Customer));
        }

        return movements;
    }

    /// <summary>A batch body as a JSON array (the default Content-Type) or as NDJSON, one compact object a line.</summary>
    public static byte[] Body(IReadOnlyList<SaleLine> sales, bool ndjson)
    {
        var buffer = new ArrayBufferWriter<byte>(sales.Count * 256);
        using var writer = new Utf8JsonWriter(buffer);
        if (!ndjson)
        {
            writer.WriteStartArray();
        }

        for (var i = 0; i < sales.Count; i++)
        {
            Write(writer, sales[i], utc: i % 3 == 0);
            if (ndjson)
            {
                writer.Flush();
                buffer.Write("\n"u8);
                writer.Reset(buffer);
            }
        }

        if (!ndjson)
        {
            writer.WriteEndArray();
        }

        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter w, SaleLine s, bool utc)
    {
        w.WriteStartObject();
        w.WriteString("platform", CatalogNames.Name(s.Platform));
        w.WriteString("saleId", s.SaleId);
        w.WriteString("sellerId", s.SellerId);
        // Clients send both forms the contract allows: CST with its offset, and UTC with Z.
        w.WriteString("time", utc
            ? s.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : s.Time.ToOffset(Cst.Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
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
}
