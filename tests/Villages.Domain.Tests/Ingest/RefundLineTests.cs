using Villages.Domain.Catalog;
using Villages.Domain.Ingest;
using Villages.Domain.Tests.Ingest.Support;

namespace Villages.Domain.Tests.Ingest;

public class RefundLineTests
{
    [Fact]
    public void A_valid_refund_is_read_in_fen()
    {
        Assert.True(LineParser.TryParseRefund(Bodies.Raw(Bodies.Refund), out var refund, out _));

        Assert.Equal(new RefundLine(Platform.Jd, "rf-1", "jd-1", "s-1", DateTimeOffset.Parse("2017-11-12T09:00:00Z"), 1_525, 1), refund);
    }

    [Theory]
    [InlineData("platform")]
    [InlineData("refundId")]
    [InlineData("saleId")]
    [InlineData("sellerId")]
    [InlineData("time")]
    [InlineData("amount")]
    [InlineData("quantity")]
    public void A_missing_field_is_named(string field)
    {
        AssertRejected(Bodies.With(Bodies.Refund, field, null), field, "is required");
    }

    [Theory]
    [InlineData("platform", "\"ebay\"", "is not one of")]
    [InlineData("time", "\"2017-11-12T09:00:00\"", "offset")]
    [InlineData("amount", "15.255", "more than 2 decimals")]
    [InlineData("amount", "0.00", "must be positive")]
    [InlineData("amount", "\"15.25\"", "must be a number")]
    [InlineData("quantity", "0", "must be positive")]
    [InlineData("quantity", "\"1\"", "whole number")]
    [InlineData("refundId", "true", "must be a string")]
    public void A_malformed_field_is_named_with_its_reason(string field, string json, string reason)
    {
        AssertRejected(Bodies.With(Bodies.Refund, field, json), field, reason);
    }

    [Fact]
    public void A_line_with_two_bad_fields_reports_both_under_the_refund_id()
    {
        var line = Bodies.With(Bodies.With(Bodies.Refund, "time", "\"yesterday\""), "quantity", "-1");

        Assert.False(LineParser.TryParseRefund(Bodies.Raw(line), out _, out var rejection));

        Assert.Equal(["quantity", "time"], rejection!.Errors.Keys.Order());
        Assert.Equal("rf-1", rejection.Id);
    }

    private static void AssertRejected(string line, string field, string reason)
    {
        Assert.False(LineParser.TryParseRefund(Bodies.Raw(line), out var refund, out var rejection));

        Assert.Null(refund);
        var errors = Assert.Single(rejection!.Errors);
        Assert.Equal(field, errors.Key);
        Assert.Contains(errors.Value, m => m.Contains(reason, StringComparison.Ordinal));
    }
}
