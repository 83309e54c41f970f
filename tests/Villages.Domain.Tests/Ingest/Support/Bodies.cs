using System.Text;
using System.Text.Json.Nodes;
using Villages.Domain.Ingest;

namespace Villages.Domain.Tests.Ingest.Support;

/// <summary>Valid lines of each kind, and ways to spoil one field of them.</summary>
internal static class Bodies
{
    public const string Sale = """
        {"platform":"taobao","saleId":"tb-1","sellerId":"s-1","time":"2017-11-11T00:30:00+08:00","product":"melon","category":"fruit","quantity":3,"weightKg":12.5,"amount":45.5,"customer":"buyer-1"}
        """;

    public const string Refund = """
        {"platform":"jd","refundId":"rf-1","saleId":"jd-1","sellerId":"s-1","time":"2017-11-12T09:00:00Z","amount":15.25,"quantity":1}
        """;

    public const string Income = """
        {"sellerId":"s-1","year":2017,"source":"wages","amount":1200.5}
        """;

    public static ReadOnlyMemory<byte> Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The line with one field replaced by raw JSON, or removed when <paramref name="json"/> is null.</summary>
    public static string With(string line, string field, string? json)
    {
        var node = JsonNode.Parse(line)!.AsObject();
        if (json is null)
        {
            node.Remove(field);
        }
        else
        {
            node[field] = JsonNode.Parse(json);
        }

        return node.ToJsonString();
    }

    public static RawLine Raw(string line)
    {
        Assert.True(BatchReader.TryRead(Utf8(line), ndjson: true, out var lines, out var error), error);
        return Assert.Single(lines);
    }
}
