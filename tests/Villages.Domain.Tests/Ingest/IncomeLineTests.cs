using Villages.Domain.Ingest;
using Villages.Domain.Tests.Ingest.Support;

namespace Villages.Domain.Tests.Ingest;

public class IncomeLineTests
{
    [Fact]
    public void A_valid_income_record_is_read_in_fen()
    {
        Assert.True(LineParser.TryParseIncome(Bodies.Raw(Bodies.Income), out var income, out _));

        Assert.Equal(new IncomeLine("s-1", 2017, "wages", 120_050), income);
    }

    [Theory]
    [InlineData("sellerId")]
    [InlineData("year")]
    [InlineData("source")]
    [InlineData("amount")]
    public void A_missing_field_is_named(string field)
    {
        AssertRejected(Bodies.With(Bodies.Income, field, null), field, "is required");
    }

    [Theory]
    [InlineData("year", "\"2017\"", "a year")]
    [InlineData("year", "2017.5", "a year")]
    [InlineData("year", "1800", "a year")]
    [InlineData("year", "3017", "a year")]
    [InlineData("amount", "1200.505", "more than 2 decimals")]
    [InlineData("amount", "-1", "must be positive")]
    [InlineData("amount", "\"1200\"", "must be a number")]
    [InlineData("source", "\"\"", "must not be empty")]
    [InlineData("sellerId", "[]", "must be a string")]
    public void A_malformed_field_is_named_with_its_reason(string field, string json, string reason)
    {
        AssertRejected(Bodies.With(Bodies.Income, field, json), field, reason);
    }

    [Fact]
    public void A_line_with_two_bad_fields_reports_both_under_the_seller()
    {
        var line = Bodies.With(Bodies.With(Bodies.Income, "year", "\"last\""), "amount", "0");

        Assert.False(LineParser.TryParseIncome(Bodies.Raw(line), out _, out var rejection));

        Assert.Equal(["amount", "year"], rejection!.Errors.Keys.Order());
        Assert.Equal("s-1", rejection.Id);
    }

    private static void AssertRejected(string line, string field, string reason)
    {
        Assert.False(LineParser.TryParseIncome(Bodies.Raw(line), out var income, out var rejection));

        Assert.Null(income);
        var errors = Assert.Single(rejection!.Errors);
        Assert.Equal(field, errors.Key);
        Assert.Contains(errors.Value, m => m.Contains(reason, StringComparison.Ordinal));
    }
}
