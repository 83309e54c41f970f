namespace Villages.Gateway.Tests.Infrastructure;

/// <summary>Valid lines with one thing changed at a time, so each test states only what it is about.</summary>
public static class Lines
{
    public static Dictionary<string, object?> Sale(string saleId, string sellerId, string time = "2017-11-11T10:00:00+08:00", decimal amount = 12.5m) => new()
    {
        ["platform"] = "taobao",
        ["saleId"] = saleId,
        ["sellerId"] = sellerId,
        ["time"] = time,
        ["product"] = "melon",
        ["category"] = "fruit",
        ["quantity"] = 2,
        ["weightKg"] = 3.25m,
        ["amount"] = amount,
        ["customer"] = "buyer-" + saleId,
    };

    public static Dictionary<string, object?> Refund(string refundId, string saleId, string sellerId, decimal amount, int quantity = 1) => new()
    {
        ["platform"] = "taobao",
        ["refundId"] = refundId,
        ["saleId"] = saleId,
        ["sellerId"] = sellerId,
        ["time"] = "2017-11-12T09:00:00+08:00",
        ["amount"] = amount,
        ["quantity"] = quantity,
    };

    public static Dictionary<string, object?> With(this Dictionary<string, object?> line, string field, object? value)
    {
        var copy = new Dictionary<string, object?>(line) { [field] = value };
        return copy;
    }

    public static Dictionary<string, object?> Without(this Dictionary<string, object?> line, string field)
    {
        var copy = new Dictionary<string, object?>(line);
        copy.Remove(field);
        return copy;
    }

    public static object Seller(string villageCode, string kind = "household", int members = 4, string name = "A household") =>
        new { name, villageCode, kind, members };
}
