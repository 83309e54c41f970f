using Villages.Abstractions.Ingest;
using Villages.Abstractions.Registry;
using Villages.Abstractions.Rollup;
using Villages.Cluster.Tests.Infrastructure;
using Villages.Domain.Hashing;
using Villages.Domain.Time;
using Villages.Grains.Journal;

namespace Villages.Cluster.Tests.Storage;

/// <summary>
/// The embedded node writes sales through SQLite's own statement API rather than ADO.NET commands: what it stores,
/// what it calls a repeat, and what a fenced batch leaves behind must be what the ADO.NET path gave.
/// </summary>
public sealed class SqliteSalesJournalTests : SqliteFolder
{
    private const string Village = "110101001001";
    private static readonly DateTimeOffset Noon = new(2017, 11, 11, 12, 30, 0, Cst.Offset);

    [Fact]
    public async Task Each_sale_is_stored_with_every_field_it_rolls_up_with()
    {
        var journal = await Journal();
        var seller = await Seller(journal, "farmer-1");
        SaleEntry[] sales =
        [
            new(0, 1, "a", "farmer-1", Noon, "walnuts", 4, 5, 2500, 1000, "buyer-1"),
            new(1, 3, "b", "farmer-1", Noon.AddHours(30), "苹果 apples", 1, 2, 0, 123_456_789_012, "买家"),
        ];

        Assert.Equal(new[] { true, true }, await journal.AppendSales(2, 1, [.. sales.Select(s => (s, seller))]));

        var stored = (await journal.ReadAll(new JournalScope.OfSeller("farmer-1"))).OrderBy(r => r.Entry.AmountFen).ToList();
        Assert.Equal(
        [
            (2, 1L, new RollupEntry(1, Cst.HourOf(Noon), 1, 4, "walnuts", 1000, 5, 2500, CustomerHash.Of("buyer-1"))),
            (2, 1L, new RollupEntry(1, Cst.HourOf(Noon.AddHours(30)), 3, 1, "苹果 apples", 123_456_789_012, 2, 0, CustomerHash.Of("买家"))),
        ], stored);
        Assert.Equal(2, (await journal.ReadAll(JournalScope.ForRegion(Village))).Count);
        Assert.True((await journal.FindSeller("farmer-1"))!.HasSales);
    }

    [Fact]
    public async Task A_sale_id_seen_before_on_its_platform_is_a_repeat_within_a_batch_and_across_batches()
    {
        var journal = await Journal();
        var seller = await Seller(journal, "farmer-1");

        Assert.Equal(new[] { true, true, false }, await journal.AppendSales(0, 1, [(Sale("a"), seller), (Sale("b"), seller), (Sale("a"), seller)]));
        Assert.Equal(new[] { false, true }, await journal.AppendSales(0, 2, [(Sale("b"), seller), (Sale("c"), seller)]));
        Assert.Equal(new[] { true }, await journal.AppendSales(0, 3, [(Sale("a") with { Platform = 2 }, seller)]));

        // A batch of repeats alone commits nothing and leaves the ledger where it was.
        Assert.Equal(new[] { false }, await journal.AppendSales(0, 4, [(Sale("c"), seller)]));
        Assert.Equal(3, await journal.LastSequence(0));
        Assert.Equal(4, (await journal.ReadAll(new JournalScope.Everything())).Count);
    }

    [Fact]
    public async Task A_fenced_batch_leaves_none_of_its_sales()
    {
        var journal = await Journal();
        var seller = await Seller(journal, "farmer-1");
        await journal.AppendSales(5, 1, [(Sale("a"), seller)]);

        await Assert.ThrowsAsync<LedgerFencedException>(() => journal.AppendSales(5, 1, [(Sale("b"), seller), (Sale("c"), seller)]));

        Assert.Single(await journal.ReadAll(new JournalScope.Everything()));
        Assert.Equal(new[] { true, true }, await journal.AppendSales(5, 2, [(Sale("b"), seller), (Sale("c"), seller)]));
    }

    [Fact]
    public async Task A_sale_through_a_copy_of_a_seller_from_before_its_move_is_refused_whole()
    {
        var journal = await Journal();
        var stale = await Seller(journal, "farmer-1");
        var other = await Seller(journal, "farmer-2");
        await journal.RegisterSeller(new SellerProfile("farmer-1", "name of farmer-1", "110101001002", SellerKind.Household, 1));

        // As a second activation of the ledger would: its copy still places farmer-1 in the first village.
        await Assert.ThrowsAsync<SellerMovedException>(() => journal.AppendSales(0, 1, [(Sale("a"), stale), (Sale("b") with { SellerId = "farmer-2" }, other)]));

        Assert.Empty(await journal.ReadAll(new JournalScope.Everything()));
        Assert.Equal(0, await journal.LastSequence(0));
        Assert.False((await journal.FindSeller("farmer-1"))!.HasSales);
        Assert.False((await journal.FindSeller("farmer-2"))!.HasSales);

        // Read again, the seller's sales are written under the village it is in, and its own reads find them.
        Assert.Equal(new[] { true }, await journal.AppendSales(0, 1, [(Sale("a"), (await journal.FindSeller("farmer-1"))!)]));
        Assert.Single(await journal.ReadAll(new JournalScope.OfSeller("farmer-1")));
        Assert.Single(await journal.ReadAll(JournalScope.ForRegion("110101001002")));
    }

    private async Task<SqlJournal> Journal()
    {
        var database = Database("journal-" + Guid.NewGuid().ToString("N"));
        await database.Apply(JournalScript());
        return new SqlJournal(database);
    }

    private static async Task<SellerRecord> Seller(SqlJournal journal, string id)
    {
        await journal.RegisterSeller(new SellerProfile(id, "name of " + id, Village, SellerKind.Household, 1));
        return (await journal.FindSeller(id))!;
    }

    private static SaleEntry Sale(string id) => new(0, 1, id, "farmer-1", Noon, "walnuts", 4, 1, 100, 1000, "buyer");
}
