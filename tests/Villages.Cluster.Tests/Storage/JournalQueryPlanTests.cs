using Villages.Abstractions.Ingest;
using Villages.Cluster.Tests.Infrastructure;
using Villages.Grains.Journal;

namespace Villages.Cluster.Tests.Storage;

/// <summary>
/// How SQLite runs a seller's or a village's catch-up read of ledgers' batches: by seeks of the village index (a
/// seller's own rows, a village's sellers' rows, of each window), for all ledgers in one statement, never by scanning
/// every row of those batches (at a million sellers that scan made each reactivation take 17–30 s and stalled the
/// roll-up) nor by walking all of a village's rows (2.2 s for a village of a million rows).
/// </summary>
public sealed class JournalQueryPlanTests : SqliteFolder
{
    [Theory]
    [InlineData("seller")]
    [InlineData("village")]
    public async Task A_scope_reads_its_batches_through_its_own_part_of_the_village_index(string scopeKind)
    {
        var plan = await Plan(ScopeOf(scopeKind));

        Assert.Contains("villages_entries_by_village_seller (village_code=? AND seller_id=? AND ledger=? AND seq>? AND seq<?)", plan);
        Assert.DoesNotContain("villages_entries_by_batch", plan);
    }

    [Theory]
    [InlineData("seller")]
    [InlineData("village")]
    public async Task A_scope_catching_up_reads_every_ledgers_window_in_one_statement_by_seeks_of_its_own_part_of_the_index(string scopeKind)
    {
        var (sql, args) = SqlJournal.ReadWindowsStatement(ScopeOf(scopeKind), [new(0, 10, 20), new(3, 5, 9), new(15, 100, 400)]);

        var plan = await Plan(sql, args);

        // A seek a window (a village's: one a seller of the village, whom the plan lists from the sellers' index).
        Assert.Contains("MULTI-INDEX OR", plan);
        Assert.Equal(3, plan.Split("villages_entries_by_village_seller (village_code=? AND seller_id=? AND ledger=? AND seq>? AND seq<?)").Length - 1);
        Assert.DoesNotContain("villages_entries_by_batch", plan);
        Assert.DoesNotContain("SCAN villages_entries", plan);
    }

    [Fact]
    public async Task A_village_reads_its_rows_after_its_positions_by_seeks_of_its_sellers_parts_of_the_village_index()
    {
        var (sql, args) = SqlJournal.ReadAfterEveryLedgerStatement(ScopeOf("village"), Enumerable.Range(0, LedgerPartition.Count).Select(l => (long)l * 10).ToList(), lateral: false);

        var plan = await Plan(sql, args);

        // Its sellers by the sellers' village index, then for each a seek a ledger, never a walk of the village's rows or
        // of the ledgers' batches.
        Assert.Contains("SEARCH s USING INDEX villages_sellers_by_village (village_code=?)", plan);
        Assert.Contains("SEARCH e USING INDEX villages_entries_by_village_seller (village_code=? AND seller_id=? AND ledger=? AND seq>?)", plan);
        Assert.True(plan.IndexOf("SEARCH s", StringComparison.Ordinal) < plan.IndexOf("SEARCH e", StringComparison.Ordinal), plan);
        Assert.DoesNotContain("villages_entries_by_batch", plan);
        Assert.DoesNotContain("SCAN villages_entries", plan);
    }

    [Fact]
    public async Task A_seller_reads_its_rows_after_its_position_by_one_seek_of_its_own_part_of_the_village_index()
    {
        var (sql, args) = SqlJournal.ReadAfterStatement(ScopeOf("seller"), 7, 1_000);

        var plan = await Plan(sql, args);

        Assert.Contains("villages_entries_by_village_seller (village_code=? AND seller_id=? AND ledger=? AND seq>?)", plan);
        Assert.DoesNotContain("villages_entries_by_batch", plan);
        Assert.DoesNotContain("SCAN villages_entries", plan);
    }

    [Fact]
    public async Task A_seller_finds_its_village_by_the_sellers_key()
    {
        Assert.Contains("SCALAR SUBQUERY", await Plan(ScopeOf("seller")));
        Assert.Contains("villages_sellers USING INDEX sqlite_autoindex_villages_sellers_1 (seller_id=?)", await Plan(ScopeOf("seller")));
    }

    [Theory]
    [InlineData("seller")]
    [InlineData("village")]
    public async Task A_households_income_is_read_from_its_own_rows_within_its_village(string scopeKind)
    {
        var (sql, args) = SqlJournal.HouseholdsStatement(ScopeOf(scopeKind), 2017);

        var plan = await Plan(sql, args);

        // Twice, for the year and the year before; never a scan of the entries.
        Assert.Equal(2, plan.Split("SEARCH e USING INDEX villages_entries_by_village_seller (village_code=? AND seller_id=?)").Length - 1);
        Assert.DoesNotContain("SCAN e", plan);
    }

    [Fact]
    public async Task The_nation_reads_its_batches_by_batch()
    {
        Assert.Contains("villages_entries_by_batch", await Plan(new JournalScope.Everything()));
    }

    private static JournalScope ScopeOf(string kind) =>
        kind == "seller" ? new JournalScope.OfSeller("farmer-1") : JournalScope.ForRegion("653130100201");

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
