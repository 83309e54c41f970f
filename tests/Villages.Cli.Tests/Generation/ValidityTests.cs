using System.Text.Json;
using Villages.Cli.Tests.Infrastructure;
using Villages.Domain.Time;

namespace Villages.Cli.Tests.Generation;

/// <summary>Every line would pass the API: field rules (via the domain's own parser), keys, sellers and refunds' sales.</summary>
public sealed class ValidityTests
{
    public static TheoryData<decimal> Scales => new() { 0.0001m, 0.00003m };

    [Theory]
    [MemberData(nameof(Scales))]
    public void Every_line_passes_the_APIs_field_validation(decimal scale)
    {
        var parsed = ParsedPlan.Of(scale);

        Assert.Empty(parsed.Sales.Rejections);
        Assert.Empty(parsed.Refunds.Rejections);
        Assert.Empty(parsed.Income.Rejections);
        Assert.Equal(parsed.Plan.SaleCount, parsed.Sales.Lines.Count);
        Assert.Equal(parsed.Plan.Income.Count, parsed.Income.Lines.Count);
    }

    [Theory]
    [MemberData(nameof(Scales))]
    public void Times_carry_the_China_offset_and_money_has_two_decimals(decimal scale)
    {
        var parsed = ParsedPlan.Of(scale);

        Assert.All(parsed.Sales.Json.Concat(parsed.Refunds.Json), json =>
        {
            using var line = JsonDocument.Parse(json);
            Assert.EndsWith("+08:00", line.RootElement.GetProperty("time").GetString(), StringComparison.Ordinal);
            var amount = line.RootElement.GetProperty("amount").GetRawText();
            Assert.Matches(@"^[1-9]\d*\.\d\d$|^0\.(0[1-9]|[1-9]\d)$", amount);
            if (line.RootElement.TryGetProperty("weightKg", out var weight))
            {
                Assert.Matches(@"^\d+\.\d\d\d$", weight.GetRawText());
            }
        });
    }

    [Theory]
    [MemberData(nameof(Scales))]
    public void Sale_ids_are_unique_per_platform_and_refund_ids_are_unique(decimal scale)
    {
        var parsed = ParsedPlan.Of(scale);

        Assert.Equal(parsed.Sales.Lines.Count, parsed.Sales.Lines.Select(s => (s.Platform, s.SaleId)).Distinct().Count());
        Assert.Equal(parsed.Refunds.Lines.Count, parsed.Refunds.Lines.Select(r => r.RefundId).Distinct().Count());
        Assert.Equal(parsed.Income.Lines.Count, parsed.Income.Lines.Select(i => (i.SellerId, i.Year, i.Source)).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Scales))]
    public void Every_refund_takes_back_part_of_an_earlier_sale_of_its_seller_in_the_same_CST_year(decimal scale)
    {
        var parsed = ParsedPlan.Of(scale);
        var sales = parsed.Sales.Lines.ToDictionary(s => (s.Platform, s.SaleId));

        Assert.All(parsed.Refunds.Lines, r =>
        {
            Assert.True(sales.TryGetValue((r.Platform, r.SaleId), out var sale), $"{r.RefundId} names no sale");
            Assert.Equal(sale!.SellerId, r.SellerId);
            Assert.InRange(r.AmountFen, 1, sale.AmountFen - 1);
            Assert.InRange(r.Quantity, 1, sale.Quantity);
            Assert.True(r.Time >= sale.Time);
            Assert.Equal(Cst.WallClock(sale.Time).Year, Cst.WallClock(r.Time).Year);
        });
        Assert.Equal(parsed.Refunds.Lines.Count, parsed.Refunds.Lines.Select(r => (r.Platform, r.SaleId)).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Scales))]
    public void Every_seller_is_registered_in_a_real_township_of_its_county(decimal scale)
    {
        var parsed = ParsedPlan.Of(scale);

        Assert.All(parsed.Sales.Lines, s => Assert.True(parsed.Sellers.ContainsKey(s.SellerId), $"{s.SaleId}: seller {s.SellerId} is not registered"));
        Assert.All(parsed.Income.Lines, i => Assert.True(parsed.Sellers.ContainsKey(i.SellerId)));
        Assert.Equal(parsed.Sellers.Count, parsed.Plan.Sellers.Count);
        Assert.All(parsed.Plan.Sellers, s =>
        {
            Assert.Matches(@"^\d{12}$", s.VillageCode);
            Assert.Contains(s.VillageCode[..9], ReferenceFiles.Townships);
            Assert.Contains(s.VillageCode[..6], ReferenceFiles.Counties);
            Assert.False(string.IsNullOrWhiteSpace(s.Name));
            Assert.True(s.Kind == Abstractions.Registry.SellerKind.Household ? s.Members >= 1 : s.Members >= 0);
        });
    }

    [Theory]
    [MemberData(nameof(Scales))]
    public void Sellers_are_where_the_story_puts_them(decimal scale)
    {
        var parsed = ParsedPlan.Of(scale);
        var sellers = parsed.Plan.Sellers;

        Assert.All(sellers.Where(s => s.SellerId.Contains("-xj-", StringComparison.Ordinal)), s =>
        {
            Assert.StartsWith("6501", s.VillageCode, StringComparison.Ordinal);
            Assert.Equal(Abstractions.Registry.SellerKind.Enterprise, s.Kind);
        });
        Assert.All(sellers.Where(s => s.SellerId.Contains("-bachu-", StringComparison.Ordinal)), s => Assert.StartsWith("653130", s.VillageCode, StringComparison.Ordinal));
        Assert.All(sellers.Where(s => s.SellerId.Contains("-aksu-", StringComparison.Ordinal)), s => Assert.Contains(s.VillageCode[..6], new[] { "652901", "652922" }));
        Assert.All(sellers.Where(s => s.SellerId.Contains("-p832-", StringComparison.Ordinal)), s =>
        {
            Assert.Contains(s.VillageCode[..6], ReferenceFiles.Poverty832);
            Assert.False(s.VillageCode.StartsWith("65", StringComparison.Ordinal));
        });
        Assert.Equal(sellers.Count, sellers.Select(s => s.SellerId).Distinct().Count());
    }

    [Fact]
    public void The_programme_lists_the_832_counties_each_once()
    {
        var programme = ParsedPlan.Of(0.0001m).Plan.Programme;

        Assert.Equal("poverty-832", programme.Id);
        Assert.Equal(ReferenceFiles.Poverty832.Order(StringComparer.Ordinal), programme.Members.Order(StringComparer.Ordinal));
        Assert.Equal(831, programme.Members.Count);
    }
}
