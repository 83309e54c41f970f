using Villages.Cluster.Tests.Infrastructure;
using Villages.Grains.Journal;

namespace Villages.Cluster.Tests.Storage;

/// <summary>
/// How SQLite runs a seller's or a village's catch-up read of one ledger's batches: by its own index, not by scanning
/// every row of those batches. At a million sellers the scan made each reactivation take 17–30 s and stalled the roll-up.
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

    [Fact]
    public async Task The_nation_reads_its_batches_by_batch()
    {
        Assert.Contains("villages_entries_by_batch", await Plan(new JournalScope.Everything()));
    }

    private async Task<string> Plan(JournalScope scope)
    {
        var database = Database("journal");
        await database.Apply(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "silo-config", "sql", "sqlite", "journal.sql")));
        var (sql, args) = SqlJournal.ReadStatement(scope, ledger: 3, afterSeq: 10, uptoSeq: 20);
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
