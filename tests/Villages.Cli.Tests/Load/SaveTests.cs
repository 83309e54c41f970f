using Villages.Abstractions.Registry;
using Villages.Cli.CommandLine;
using Villages.Cli.Load;
using Villages.Cli.Tests.Infrastructure;
using Villages.Domain.Ingest;

namespace Villages.Cli.Tests.Load;

/// <summary>--save writes the documented files, which another program (the PostgreSQL baseline) replays.</summary>
public sealed class SaveTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"villages-load-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task No_post_writes_the_sellers_as_csv_and_each_batch_as_exactly_its_POST_body()
    {
        var (code, output, errors) = await InProcessCli.Run(
            "load", "--no-post", "--save", _folder, "--count", "12345", "--batch-size", "5000", "--sellers", "500", "--seed", "4", "--config-folder", ReferenceFiles.Folder);

        Assert.True(code == CliApp.Ok, errors);
        Assert.Contains("posted nothing", output, StringComparison.Ordinal);
        Assert.Equal(["sales-000001.json", "sales-000002.json", "sales-000003.json", "sellers.csv"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order());

        var plan = LoadPlan.Create(new LoadPlanOptions(4, "1", 500, 2017, ReferenceFiles.Folder));
        var csv = File.ReadAllLines(Path.Combine(_folder, "sellers.csv"));
        Assert.Equal("sellerId,villageCode,kind,members", csv[0]);
        Assert.Equal(plan.Sellers.Select(s => $"{s.SellerId},{s.VillageCode},{s.Kind.ToString().ToLowerInvariant()},{s.Members}"), csv[1..]);
        Assert.All(csv[1..], row => Assert.Matches("^load-4-[0-9]+,[1-9][0-9]{11},(household|cooperative|enterprise),[0-9]+$", row));

        var expected = plan.Batches(5_000, 12_345).ToList();
        var sizes = new List<int>();
        for (var i = 0; i < expected.Count; i++)
        {
            var body = File.ReadAllBytes(Path.Combine(_folder, $"sales-{i + 1:D6}.json"));
            Assert.Equal(expected[i].Body, body);
            Assert.True(BatchReader.TryRead(body, ndjson: false, out var raw, out var error), error);
            Assert.All(raw, r => Assert.True(LineParser.TryParseSale(r, out _, out var rejection), rejection?.ToString()));
            sizes.Add(raw.Count);
        }

        Assert.Equal([5_000, 5_000, 2_345], sizes);
        var sellers = csv[1..].Select(r => r.Split(',')[0]).ToHashSet();
        Assert.All(LoadPlanTests.Parse(expected), l => Assert.Contains(l.SellerId, sellers));
        Assert.Contains(plan.Sellers, s => s.Kind == SellerKind.Household);
    }

    [Fact]
    public async Task Posting_with_save_writes_what_it_posted()
    {
        var gateway = new FakeGateway();

        var (code, _, errors) = await InProcessCli.Run(
            _ => gateway.Client(), "load", "--save", _folder, "--count", "1200", "--batch-size", "500", "--sellers", "50", "--config-folder", ReferenceFiles.Folder);

        Assert.True(code == CliApp.Ok, errors);
        Assert.Equal([500, 500, 200], gateway.BatchSizes.Order().Reverse());
        Assert.Equal(3, Directory.GetFiles(_folder, "sales-*.json").Length);
        Assert.Equal(51, File.ReadAllLines(Path.Combine(_folder, "sellers.csv")).Length);
    }

    [Fact]
    public async Task A_folder_that_already_holds_batches_is_refused_with_exit_code_3()
    {
        string[] args = ["load", "--no-post", "--save", _folder, "--count", "10", "--sellers", "5", "--config-folder", ReferenceFiles.Folder];
        Assert.Equal(CliApp.Ok, (await InProcessCli.Run(args)).Code);

        var (code, _, errors) = await InProcessCli.Run(args);

        Assert.Equal(CliApp.BadConfiguration, code);
        Assert.Contains("sales-000001.json", errors, StringComparison.Ordinal);
    }
}
