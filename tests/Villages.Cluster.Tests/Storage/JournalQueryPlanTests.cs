using Villages.Cluster.Tests.Infrastructure;
using Villages.Grains.Journal;

namespace Villages.Cluster.Tests.Storage;

/// <summary>
/// How SQLite runs a seller's or a village's catch-up read of ledgers' batches: by its own index, not by scanning
/// every row of those batches, and for all ledgers in one statement. At a million sellers the scan made each reactivation take 17–30 s and stalled the roll-up.
/// </summary>
public sealed class JournalQueryPlanTests : SqliteFolder
{
    [Theory]
    [InlineData("seller", "villages_entries_by_seller_batch (seller_id=? AND ledger=? AND seq>? AND seq<?)")]
    [InlineData("village", "villages_entries_by_village (village_code=? AND ledger=? AND seq>? AND seq<?)")]
    public async Task A_scope_reads_its_batches_through_its_own_index(string scopeKind, string expectedPlan)
    {
        JournalScope scope = scopeKind == "seller" ? new JournalScope.OfSeller("farmer-1") : JournalScope.ForRegion("653130100201");

        var plan = await Plan(scope);

        Assert.Contains(expectedPlan, plan);
        Assert.DoesNotContain("villages_entries_by_batch", plan);
    }

    [Theory]
    [InlineData("seller", "villages_entries_by_seller_batch (seller_id=? AND ledger=? AND seq>? AND seq<?)")]
    [InlineData("village", "villages_entries_by_village (village_code=? AND ledger=? AND seq>? AND seq<?)")]
    public async Task A_scope_catching_up_reads_every_ledgers_window_in_one_statement_through_its_own_index(string scopeKind, string expectedSeek)
    {
        JournalScope scope = scopeKind == "seller" ? new JournalScope.OfSeller("farmer-1") : JournalScope.ForRegion("653130100201");
        var (sql, args) = SqlJournal.ReadWindowsStatement(scope, [new(0, 10, 20), new(3, 5, 9), new(15, 100, 400)]);

        var plan = await Plan(sql, args);

        Assert.Contains("MULTI-INDEX OR", plan);
        Assert.Equal(3, plan.Split(expectedSeek).Length - 1);
        Assert.DoesNotContain("villages_entries_by_batch", plan);
    }

    [Fact]
    public async Task The_nation_reads_its_batches_by_batch()
    {
        Assert.Contains("villages_entries_by_batch", await Plan(new JournalScope.Everything()));
    }

    private Task<string> Plan(JournalScope scope)
    {
        var (sql, args) = SqlJournal.ReadWindowsStatement(scope, [new(Ledger: 3, AfterSeq: 10, UptoSeq: 20)]);
        return Plan(sql, args);
    }

    private async Task<string> Plan(string sql, (string, object)[] args)
    {
        var database = Database("journal-" + Guid.NewGuid().ToString("N"));
        await database.Apply(JournalScript());
        await using var c = await database.Open();
        await using var explain = c.Command("EXPLAIN QUERY PLAN " + sql, args);
        await using var r = await explain.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await r.ReadAsync())
        {
            steps.Add(r.GetString(3));
        }

        return string.Join(" | ", steps);
    }
}
