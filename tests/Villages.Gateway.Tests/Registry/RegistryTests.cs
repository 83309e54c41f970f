using System.Net;
using Villages.Gateway.Tests.Infrastructure;

namespace Villages.Gateway.Tests.Registry;

[Collection(NodeCollection.Name)]
public sealed class RegistryTests(NodeFixture node)
{
    private HttpClient Client => node.Client;

    [Fact]
    public async Task Naming_a_region_answers_200_and_the_name_shows_in_its_summary()
    {
        var (status, _) = await Client.Put("/api/regions/659001100", new { name = "Test township" });
        Assert.Equal(HttpStatusCode.OK, status);
        var region = await Client.GetOk("/api/regions/659001100");
        Assert.Equal("Test township", region["name"]!.GetValue<string>());
        Assert.Equal("township", region["level"]!.GetValue<string>());
        Assert.Equal("659001", region["parent"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("123")]
    [InlineData("65300")]
    [InlineData("65a0")]
    [InlineData("0065")]
    public async Task A_region_code_that_is_not_2_4_6_9_or_12_digits_is_a_400_naming_the_code(string code)
    {
        var (status, problem) = await Client.Put($"/api/regions/{code}", new { name = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(problem.Errors("code"));
    }

    [Fact]
    public async Task A_region_without_a_name_is_a_400()
    {
        var (status, problem) = await Client.Put("/api/regions/659001101", new { });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(problem.Errors("name"));
    }

    [Fact]
    public async Task Registering_a_seller_answers_201_then_200_for_the_same_profile()
    {
        var id = "reg-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.Created, (await Client.Put($"/api/sellers/{id}", Lines.Seller("659001100201"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await Client.Put($"/api/sellers/{id}", Lines.Seller("659001100201"))).Status);
        var seller = await Client.GetOk($"/api/sellers/{id}");
        Assert.Equal("seller", seller["level"]!.GetValue<string>());
        Assert.Equal("659001100201", seller["parent"]!.GetValue<string>());
        Assert.Equal("household", seller["kind"]!.GetValue<string>());
        Assert.Equal(4, seller["members"]!.GetValue<int>());
        Assert.Equal(0m, seller["totals"]!["gross"]!.Money());
    }

    [Theory]
    [InlineData("villageCode", "65900110020")]
    [InlineData("villageCode", null)]
    [InlineData("kind", "farm")]
    [InlineData("kind", null)]
    [InlineData("name", null)]
    [InlineData("members", null)]
    public async Task A_seller_with_a_missing_or_bad_field_is_a_400_naming_the_field(string field, string? value)
    {
        var body = new Dictionary<string, object?> { ["name"] = "n", ["villageCode"] = "659001100201", ["kind"] = "household", ["members"] = 3 };
        if (value is null)
        {
            body.Remove(field);
        }
        else
        {
            body[field] = value;
        }

        var (status, problem) = await Client.Put("/api/sellers/bad-" + Guid.NewGuid().ToString("N"), body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(problem.Errors(field));
    }

    [Fact]
    public async Task A_body_field_of_the_wrong_type_is_a_400_naming_the_field()
    {
        var (status, problem) = await Client.Put("/api/sellers/typed-" + Guid.NewGuid().ToString("N"), new { name = "n", villageCode = "659001100201", kind = "household", members = "four" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(problem.Errors("members"));
    }

    [Fact]
    public async Task A_sellers_profile_answers_csv_too()
    {
        var id = "csv-" + Guid.NewGuid().ToString("N");
        await Client.Put($"/api/sellers/{id}", Lines.Seller("659001100201"));
        var csv = await Client.GetStringAsync($"/api/sellers/{id}?format=csv");
        Assert.StartsWith("id,level,name,parent,asOf,", csv);
        Assert.Contains($"\n{id},seller,", csv);
    }

    [Fact]
    public async Task A_seller_without_sales_may_move_but_one_with_sales_is_a_409()
    {
        var id = "mover-" + Guid.NewGuid().ToString("N");
        await Client.Put($"/api/sellers/{id}", Lines.Seller("659001100201"));
        Assert.Equal(HttpStatusCode.OK, (await Client.Put($"/api/sellers/{id}", Lines.Seller("659001100202"))).Status);
        var (_, answer) = await Client.Post("/api/sales", new[] { Lines.Sale(id + "-s", id) });
        Assert.Equal(1, answer!["accepted"]!.GetValue<int>());

        var (status, problem) = await Client.Put($"/api/sellers/{id}", Lines.Seller("659001100203"));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(409, problem!["status"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await Client.Put($"/api/sellers/{id}", Lines.Seller("659001100202", members: 5))).Status);
    }

    [Fact]
    public async Task An_unknown_seller_is_a_404_problem()
    {
        var (status, problem) = await Client.Get("/api/sellers/nobody-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(404, problem!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Defining_a_programme_answers_200_and_a_bad_member_is_a_400()
    {
        var id = "prog-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.OK, (await Client.Put($"/api/programmes/{id}", new { name = "Test", members = new[] { "659001" } })).Status);
        var programme = await Client.GetOk($"/api/programmes/{id}");
        Assert.Equal("programme", programme["level"]!.GetValue<string>());
        Assert.Equal("Test", programme["name"]!.GetValue<string>());

        var (status, problem) = await Client.Put($"/api/programmes/{id}", new { name = "Test", members = new[] { "6590x" } });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(problem.Errors("members"));
    }
}
