using Villages.Domain.Ingest;
using Villages.Domain.Tests.Ingest.Support;

namespace Villages.Domain.Tests.Ingest;

public class BatchReaderTests
{
    [Fact]
    public void The_elements_of_a_JSON_array_are_the_lines_in_order()
    {
        var body = $"[{Bodies.Sale}, {Bodies.With(Bodies.Sale, "saleId", "\"tb-2\"")}]";

        Assert.True(BatchReader.TryRead(Bodies.Utf8(body), ndjson: false, out var lines, out var error));

        Assert.Null(error);
        Assert.Equal([0, 1], lines.Select(l => l.Index));
        Assert.Equal(["tb-1", "tb-2"], lines.Select(l => l.Json!.Value.GetProperty("saleId").GetString()));
    }

    [Fact]
    public void Each_non_blank_NDJSON_line_is_a_line()
    {
        var body = $"{Bodies.Sale}\r\n\n   \n{Bodies.With(Bodies.Sale, "saleId", "\"tb-2\"")}\n";

        Assert.True(BatchReader.TryRead(Bodies.Utf8(body), ndjson: true, out var lines, out _));

        Assert.Equal([0, 1], lines.Select(l => l.Index));
        Assert.All(lines, l => Assert.Null(l.Error));
        Assert.Equal(["tb-1", "tb-2"], lines.Select(l => l.Json!.Value.GetProperty("saleId").GetString()));
    }

    [Fact]
    public void An_NDJSON_body_read_as_an_array_is_refused_whole()
    {
        var body = $"{Bodies.Sale}\n{Bodies.Sale}\n";

        Assert.False(BatchReader.TryRead(Bodies.Utf8(body), ndjson: false, out _, out var error));
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("{\"platform\":\"taobao\"}")]
    [InlineData("\"a line\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void A_body_that_is_not_an_array_is_refused(string body)
    {
        Assert.False(BatchReader.TryRead(Bodies.Utf8(body), ndjson: false, out _, out var error));
        Assert.Contains("array", error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[")]
    [InlineData("[{}, ")]
    [InlineData("[{},]")]
    [InlineData("not json")]
    public void A_body_that_is_not_JSON_is_refused(string body)
    {
        Assert.False(BatchReader.TryRead(Bodies.Utf8(body), ndjson: false, out _, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void An_NDJSON_body_without_lines_is_refused()
    {
        Assert.False(BatchReader.TryRead(Bodies.Utf8("\n  \r\n"), ndjson: true, out _, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void An_NDJSON_line_that_is_not_JSON_is_only_that_lines_rejection()
    {
        var body = $"{Bodies.Sale}\n{{\"platform\": taobao}}\n{Bodies.Sale}\n";

        Assert.True(BatchReader.TryRead(Bodies.Utf8(body), ndjson: true, out var lines, out _));

        Assert.Equal(3, lines.Count);
        Assert.NotNull(lines[0].Json);
        Assert.Null(lines[1].Json);
        Assert.Contains("not valid JSON", lines[1].Error);
        Assert.NotNull(lines[2].Json);
        Assert.Equal(2, lines[2].Index);
    }

    [Theory]
    [InlineData(false, "[{}, 5, [], \"x\", {}]")]
    [InlineData(true, "{}\n5\n[]\n\"x\"\n{}")]
    public void An_element_that_is_not_an_object_is_only_that_lines_rejection(bool ndjson, string body)
    {
        Assert.True(BatchReader.TryRead(Bodies.Utf8(body), ndjson, out var lines, out _));

        Assert.Equal([null, "a line must be a JSON object", "a line must be a JSON object", "a line must be a JSON object", null], lines.Select(l => l.Error));
        Assert.Equal([true, false, false, false, true], lines.Select(l => l.Json is not null));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Ten_thousand_lines_are_a_batch(bool ndjson)
    {
        Assert.True(BatchReader.TryRead(Bodies.Utf8(Batch(BatchReader.MaxLines, ndjson)), ndjson, out var lines, out _));
        Assert.Equal(10_000, lines.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void More_than_ten_thousand_lines_are_refused_whole(bool ndjson)
    {
        Assert.False(BatchReader.TryRead(Bodies.Utf8(Batch(BatchReader.MaxLines + 1, ndjson)), ndjson, out _, out var error));
        Assert.Contains("10000", error);
    }

    [Fact]
    public void An_NDJSON_line_parsed_alone_outlives_its_body()
    {
        // Each NDJSON line is parsed into its own document, which is disposed; an element not cloned out would throw here.
        var raw = Bodies.Raw(Bodies.Sale);

        Assert.Equal("tb-1", raw.Json!.Value.GetProperty("saleId").GetString());
    }

    private static string Batch(int count, bool ndjson)
    {
        var lines = Enumerable.Repeat("{\"a\":1}", count);
        return ndjson ? string.Join('\n', lines) : $"[{string.Join(',', lines)}]";
    }
}
