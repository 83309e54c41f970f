using System.Net;
using System.Text.Json;
using Villages.Gateway.Tests.Infrastructure;

namespace Villages.Gateway.Tests.Ingest;

[Collection(NodeCollection.Name)]
public sealed class SalesIngestTests(NodeFixture node)
{
    private HttpClient Client => node.Client;

    private async Task<string> NewSeller(string village = "659002100201")
    {
        var id = "s-" + Guid.NewGuid().ToString("N");
        await Client.Put($"/api/sellers/{id}", Lines.Seller(village));
        return id;
    }

    [Fact]
    public async Task A_json_array_batch_is_accepted_and_a_resend_counts_as_duplicates()
    {
        var seller = await NewSeller();
        var batch = new[] { Lines.Sale(seller + "-1", seller), Lines.Sale(seller + "-2", seller) };
        var (status, first) = await Client.Post("/api/sales", batch);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((2, 0), (first!["accepted"]!.GetValue<int>(), first["duplicates"]!.GetValue<int>()));
        Assert.Empty(first["rejected"]!.AsArray());

        var (_, again) = await Client.Post("/api/sales", batch.Reverse());
        Assert.Equal((0, 2), (again!["accepted"]!.GetValue<int>(), again["duplicates"]!.GetValue<int>()));
        await Client.Settle();
        var totals = (await Client.GetOk($"/api/sellers/{seller}"))["totals"]!;
        Assert.Equal(25.00m, totals["gross"]!.Money());
        Assert.Equal(2, totals["orders"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_ndjson_batch_is_accepted_and_a_line_that_is_not_json_is_only_that_lines_rejection()
    {
        var seller = await NewSeller();
        var body = JsonSerializer.Serialize(Lines.Sale(seller + "-1", seller)) + "\n{not json\n" + JsonSerializer.Serialize(Lines.Sale(seller + "-2", seller)) + "\n";
        var (status, answer) = await Client.PostRaw("/api/sales", body, "application/x-ndjson");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, answer!["accepted"]!.GetValue<int>());
        Assert.NotNull(answer.Rejection(1));
    }

    public static TheoryData<string, object?> BadFields => new()
    {
        { "platform", "alibaba" },
        { "platform", null },
        { "category", "toys" },
        { "product", "Big Melon" },
        { "time", "2017-11-11T10:00:00" },
        { "time", "yesterday" },
        { "amount", 12.345m },
        { "amount", 0 },
        { "amount", -5 },
        { "amount", "12.50" },
        { "quantity", 0 },
        { "quantity", 1.5m },
        { "weightKg", 1.2345m },
        { "time", "1999-12-31T23:00:00+08:00" },
        { "time", "9999-12-31T20:00:00Z" },
        { "amount", 10_000_000_000.01m },
        { "quantity", 1_000_000_001 },
        { "saleId", null },
        { "customer", null },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_bad_field_rejects_only_its_line_and_names_the_field(string field, object? value)
    {
        var seller = await NewSeller();
        var bad = value is null ? Lines.Sale(seller + "-bad", seller).Without(field) : Lines.Sale(seller + "-bad", seller).With(field, value);
        var (status, answer) = await Client.Post("/api/sales", new[] { Lines.Sale(seller + "-good", seller), bad });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, answer!["accepted"]!.GetValue<int>());
        var rejection = answer.Rejection(1);
        Assert.NotNull(rejection);
        Assert.NotEmpty(rejection!["errors"]![field]!.AsArray());
        if (field != "saleId")
        {
            Assert.Equal(seller + "-bad", rejection["id"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_rejected_line_leaves_no_trace_and_can_be_corrected_and_sent_again()
    {
        var seller = await NewSeller();
        var (_, first) = await Client.Post("/api/sales", new[] { Lines.Sale(seller + "-x", seller).With("amount", 1.001m) });
        Assert.Equal(0, first!["accepted"]!.GetValue<int>());
        var (_, second) = await Client.Post("/api/sales", new[] { Lines.Sale(seller + "-x", seller) });
        Assert.Equal(1, second!["accepted"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_line_with_two_bad_fields_reports_both()
    {
        var seller = await NewSeller();
        var (_, answer) = await Client.Post("/api/sales", new[] { Lines.Sale(seller + "-2", seller).With("platform", "ebay").With("quantity", -1) });
        var errors = answer!.Rejection(0)!["errors"]!;
        Assert.NotNull(errors["platform"]);
        Assert.NotNull(errors["quantity"]);
    }

    [Fact]
    public async Task A_sale_of_an_unknown_seller_is_rejected_by_sellerId()
    {
        var (_, answer) = await Client.Post("/api/sales", new[] { Lines.Sale("orphan-" + Guid.NewGuid().ToString("N"), "nobody-" + Guid.NewGuid().ToString("N")) });
        Assert.Equal(0, answer!["accepted"]!.GetValue<int>());
        Assert.NotEmpty(answer.Rejection(0)!["errors"]!["sellerId"]!.AsArray());
    }

    [Theory]
    [InlineData("{\"saleId\": 1}", "application/json")]
    [InlineData("[1, 2", "application/json")]
    [InlineData("", "application/x-ndjson")]
    public async Task A_body_that_is_not_a_batch_is_a_400_and_takes_nothing(string body, string contentType)
    {
        var (status, problem) = await Client.PostRaw("/api/sales", body, contentType);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(problem.Errors("body"));
    }

    [Fact]
    public async Task More_than_10000_lines_is_a_400_and_takes_nothing()
    {
        var seller = await NewSeller();
        var lines = Enumerable.Range(0, 10_001).Select(i => Lines.Sale($"{seller}-{i}", seller)).ToArray();
        var (status, _) = await Client.Post("/api/sales", lines);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        await Client.Settle();
        Assert.Equal(0, (await Client.GetOk($"/api/sellers/{seller}"))["totals"]!["orders"]!.GetValue<int>());
    }
}
