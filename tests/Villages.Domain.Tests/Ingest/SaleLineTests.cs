using Villages.Domain.Catalog;
using Villages.Domain.Ingest;
using Villages.Domain.Tests.Ingest.Support;

namespace Villages.Domain.Tests.Ingest;

public class SaleLineTests
{
    [Fact]
    public void A_valid_sale_is_read_in_fen_grams_and_an_exact_instant()
    {
        Assert.True(LineParser.TryParseSale(Bodies.Raw(Bodies.Sale), out var sale, out var rejection));

        Assert.Null(rejection);
        Assert.Equal(
            new SaleLine(Platform.Taobao, "tb-1", "s-1", DateTimeOffset.Parse("2017-11-10T16:30:00Z"), "melon", Category.Fruit, 3, 12_500, 4_550, "buyer-1"),
            sale);
    }

    [Theory]
    [InlineData("null")]
    [InlineData(null)]
    public void The_weight_may_be_left_out(string? weight)
    {
        Assert.True(LineParser.TryParseSale(Bodies.Raw(Bodies.With(Bodies.Sale, "weightKg", weight)), out var sale, out _));
        Assert.Equal(0, sale!.WeightGrams);
    }

    [Theory]
    [InlineData("platform")]
    [InlineData("saleId")]
    [InlineData("sellerId")]
    [InlineData("time")]
    [InlineData("product")]
    [InlineData("category")]
    [InlineData("quantity")]
    [InlineData("amount")]
    [InlineData("customer")]
    public void A_missing_field_is_named(string field)
    {
        AssertRejected(Bodies.With(Bodies.Sale, field, null), field, "is required");
    }

    [Theory]
    [InlineData("platform", "\"amazon\"", "is not one of")]
    [InlineData("platform", "\"Taobao\"", "is not one of")]
    [InlineData("category", "\"melons\"", "is not one of")]
    [InlineData("product", "\"Hami Melon\"", "lowercase slug")]
    [InlineData("product", "\"-melon\"", "lowercase slug")]
    [InlineData("time", "\"2017-11-11T00:30:00\"", "offset")]
    [InlineData("time", "\"2017-11-11\"", "offset")]
    [InlineData("amount", "45.555", "more than 2 decimals")]
    [InlineData("amount", "0", "must be positive")]
    [InlineData("amount", "-45.5", "must be positive")]
    [InlineData("amount", "4.55e1", "plain decimal")]
    [InlineData("amount", "\"45.5\"", "must be a number")]
    [InlineData("weightKg", "1.2345", "more than 3 decimals")]
    [InlineData("weightKg", "0", "must be positive")]
    [InlineData("weightKg", "\"12.5\"", "must be a number")]
    [InlineData("quantity", "0", "must be positive")]
    [InlineData("quantity", "-3", "must be positive")]
    [InlineData("quantity", "2.5", "whole number")]
    [InlineData("quantity", "\"3\"", "whole number")]
    [InlineData("saleId", "17", "must be a string")]
    [InlineData("saleId", "\"  \"", "must not be empty")]
    [InlineData("customer", "{}", "must be a string")]
    public void A_malformed_field_is_named_with_its_reason(string field, string json, string reason)
    {
        AssertRejected(Bodies.With(Bodies.Sale, field, json), field, reason);
    }

    [Fact]
    public void A_line_with_two_bad_fields_reports_both()
    {
        var line = Bodies.With(Bodies.With(Bodies.Sale, "platform", "\"amazon\""), "amount", "45.555");

        Assert.False(LineParser.TryParseSale(Bodies.Raw(line), out _, out var rejection));

        Assert.Equal(["amount", "platform"], rejection!.Errors.Keys.Order());
    }

    [Fact]
    public void A_rejection_carries_the_lines_index_and_sale_id()
    {
        var body = $"[{Bodies.Sale}, {Bodies.With(Bodies.With(Bodies.Sale, "saleId", "\"tb-9\""), "quantity", "0")}]";
        Assert.True(BatchReader.TryRead(Bodies.Utf8(body), ndjson: false, out var lines, out _));

        Assert.True(LineParser.TryParseSale(lines[0], out _, out _));
        Assert.False(LineParser.TryParseSale(lines[1], out var sale, out var rejection));

        Assert.Null(sale);
        Assert.Equal(1, rejection!.Index);
        Assert.Equal("tb-9", rejection.Id);
    }

    [Fact]
    public void A_line_that_could_not_be_read_is_rejected_as_a_line()
    {
        Assert.True(BatchReader.TryRead(Bodies.Utf8("{oops\n"), ndjson: true, out var lines, out _));

        Assert.False(LineParser.TryParseSale(lines[0], out _, out var rejection));

        Assert.Equal(["line"], rejection!.Errors.Keys);
        Assert.Null(rejection.Id);
    }

    private static void AssertRejected(string line, string field, string reason)
    {
        Assert.False(LineParser.TryParseSale(Bodies.Raw(line), out var sale, out var rejection));

        Assert.Null(sale);
        var errors = Assert.Single(rejection!.Errors);
        Assert.Equal(field, errors.Key);
        Assert.Contains(errors.Value, m => m.Contains(reason, StringComparison.Ordinal));
    }
}
