using System.Net;
using Villages.Gateway.Tests.Infrastructure;

namespace Villages.Gateway.Tests.Ingest;

[Collection(NodeCollection.Name)]
public sealed class RefundAndIncomeIngestTests(NodeFixture node)
{
    private HttpClient Client => node.Client;

    private async Task<(string Seller, string Sale)> SellerWithSale(decimal amount = 20m)
    {
        var seller = "r-" + Guid.NewGuid().ToString("N");
        await Client.Put($"/api/sellers/{seller}", Lines.Seller("659004100201"));
        var (_, answer) = await Client.Post("/api/sales", new[] { Lines.Sale(seller + "-sale", seller, amount: amount) });
        Assert.Equal(1, answer!["accepted"]!.GetValue<int>());
        return (seller, seller + "-sale");
    }

    [Fact]
    public async Task A_refund_within_what_is_left_is_accepted_and_a_resend_is_a_duplicate()
    {
        var (seller, sale) = await SellerWithSale();
        var refund = new[] { Lines.Refund(seller + "-r1", sale, seller, 5.5m) };
        var (status, first) = await Client.Post("/api/refunds", refund);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, first!["accepted"]!.GetValue<int>());
        var (_, again) = await Client.Post("/api/refunds", refund);
        Assert.Equal((0, 1), (again!["accepted"]!.GetValue<int>(), again["duplicates"]!.GetValue<int>()));

        await Client.Settle();
        var totals = (await Client.GetOk($"/api/sellers/{seller}"))["totals"]!;
        Assert.Equal((20.00m, 5.50m, 14.50m), (totals["gross"]!.Money(), totals["refunds"]!.Money(), totals["net"]!.Money()));
        Assert.Equal(1, totals["itemsReturned"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_refund_of_a_sale_never_accepted_is_rejected_by_saleId()
    {
        var (seller, _) = await SellerWithSale();
        var (_, answer) = await Client.Post("/api/refunds", new[] { Lines.Refund(seller + "-r", "no-such-sale", seller, 1m) });
        Assert.NotEmpty(answer!.Rejection(0)!["errors"]!["saleId"]!.AsArray());
    }

    [Fact]
    public async Task Refunds_beyond_what_is_left_of_the_sale_are_rejected_by_amount_and_quantity()
    {
        var (seller, sale) = await SellerWithSale(amount: 10m);
        var (_, answer) = await Client.Post("/api/refunds", new[]
        {
            Lines.Refund(seller + "-r1", sale, seller, 6m),
            Lines.Refund(seller + "-r2", sale, seller, 6m),
            Lines.Refund(seller + "-r3", sale, seller, 1m, quantity: 2),
        });
        Assert.Equal(1, answer!["accepted"]!.GetValue<int>());
        Assert.NotEmpty(answer.Rejection(1)!["errors"]!["amount"]!.AsArray());
        Assert.NotEmpty(answer.Rejection(2)!["errors"]!["quantity"]!.AsArray());
    }

    [Fact]
    public async Task A_refund_naming_another_sellers_sale_is_rejected_by_sellerId()
    {
        var (_, sale) = await SellerWithSale();
        var (other, _) = await SellerWithSale();
        var (_, answer) = await Client.Post("/api/refunds", new[] { Lines.Refund(other + "-r", sale, other, 1m) });
        Assert.NotEmpty(answer!.Rejection(0)!["errors"]!["sellerId"]!.AsArray());
    }

    [Fact]
    public async Task A_refund_with_a_bad_field_names_it()
    {
        var (seller, sale) = await SellerWithSale();
        var (_, answer) = await Client.Post("/api/refunds", new[] { Lines.Refund(seller + "-r", sale, seller, 1m).With("amount", 0.001m).Without("time") });
        var errors = answer!.Rejection(0)!["errors"]!;
        Assert.NotNull(errors["amount"]);
        Assert.NotNull(errors["time"]);
    }

    [Fact]
    public async Task Income_is_accepted_the_later_record_replaces_the_earlier_and_an_identical_resend_is_a_duplicate()
    {
        var seller = "inc-" + Guid.NewGuid().ToString("N");
        await Client.Put($"/api/sellers/{seller}", Lines.Seller("659005100201", members: 2));
        var first = new[] { new { sellerId = seller, year = 2016, source = "farming", amount = 3000m } };
        Assert.Equal(1, (await Client.Post("/api/income", first)).Body!["accepted"]!.GetValue<int>());
        Assert.Equal(1, (await Client.Post("/api/income", first)).Body!["duplicates"]!.GetValue<int>());
        var later = new[] { new { sellerId = seller, year = 2016, source = "farming", amount = 5000m } };
        Assert.Equal(1, (await Client.Post("/api/income", later)).Body!["accepted"]!.GetValue<int>());

        var income = await Client.GetOk($"/api/sellers/{seller}/income?year=2016");
        Assert.Equal(5000.00m, income["averageIncome"]!.Money());
        Assert.Equal(2500.00m, income["averageIncomePerPerson"]!.Money());
    }

    [Fact]
    public async Task Income_of_an_unknown_seller_or_with_a_bad_year_is_rejected_by_field()
    {
        var (_, answer) = await Client.Post("/api/income", new object[]
        {
            new { sellerId = "nobody-" + Guid.NewGuid().ToString("N"), year = 2016, source = "farming", amount = 1m },
            new { sellerId = "x", year = "last", source = "farming", amount = 1m },
        });
        Assert.NotEmpty(answer!.Rejection(0)!["errors"]!["sellerId"]!.AsArray());
        Assert.NotEmpty(answer!.Rejection(1)!["errors"]!["year"]!.AsArray());
    }
}
