using Npgsql;
using Villages.Abstractions.Ingest;
using Villages.Grains.Journal;
using Villages.Postgres.Tests.Infrastructure;

namespace Villages.Postgres.Tests;

/// <summary>
/// How PostgreSQL runs a village's read at its queries, on a journal it has statistics of: by seeks of the village
/// index, a seller and ledger each. Free to reorder the joins, it scanned all of each seller's rows in the index and
/// joined the ledgers' positions after, as a filter: the busiest village's ranking took 74 ms at the median in a cluster
/// (docs/benchmarks.md).
/// </summary>
public sealed class JournalPlanTests(PostgresServer server) : IClassFixture<PostgresServer>, IAsyncLifetime
{
    private string _cs = "";

    public async Task InitializeAsync()
    {
        _cs = await Schema.Fresh(server, "journal_plan_" + Guid.NewGuid().ToString("N"));
        // 64,000 rows: 4,000 sellers, two a village, each seller in the ledger its number gives, 100 rows a batch; and a
        // big seller.
        await Schema.Execute(_cs, """
            INSERT INTO villages_sellers (seller_id, name, village_code, kind, members, has_sales)
            SELECT 's' || k, 'seller', '1101010' || lpad((k / 2)::text, 5, '0'), 1, 3, 1 FROM generate_series(0, 3999) k;
            INSERT INTO villages_entries (kind, platform, entry_id, ledger, seq, seller_id, village_code, hour, year,
                category, product, quantity, weight_g, amount_fen, customer_hash)
            SELECT 1, 1, 'e' || i, i % 16, i / 1600 + 1, 's' || (i % 4000), '1101010' || lpad(((i % 4000) / 2)::text, 5, '0'),
                0, 2024, 1, 'walnuts', 1, 100, 1000, 0
            FROM generate_series(0, 63999) i;
            -- The village's first seller, a big one: 20,000 rows over 200 batches of its ledger.
            INSERT INTO villages_entries (kind, platform, entry_id, ledger, seq, seller_id, village_code, hour, year,
                category, product, quantity, weight_g, amount_fen, customer_hash)
            SELECT 1, 1, 'big' || i, 0, i / 100 + 1, 's0', '110101000000', 0, 2024, 1, 'walnuts', 1, 100, 1000, 0
            FROM generate_series(0, 19999) i;
            ANALYZE villages_sellers;
            ANALYZE villages_entries;
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_village_reads_its_rows_after_its_positions_by_seeks_of_its_sellers_parts_of_the_village_index()
    {
        // Village 00000 holds sellers 0 and 1 (ledgers 0 and 1), read up to batch 20 of each; no row of it elsewhere.
        var after = new long[LedgerPartition.Count];
        after[0] = 20;
        after[1] = 20;
        var (sql, args) = SqlJournal.ReadAfterEveryLedgerStatement(new JournalScope.UnderRegion("110101000000"), after, lateral: true);

        var plan = await Plan(sql, args);

        // Every condition in the seek: joined after the index scan instead, a ledger and a batch were a filter over all
        // of a seller's rows (here the big seller's 20,000).
        var lines = plan.Split('\n');
        var scan = Array.FindIndex(lines, l => l.Contains("Index Scan using villages_entries_by_village_seller", StringComparison.Ordinal));
        Assert.True(scan >= 0, plan);
        var seek = lines[scan + 1];
        Assert.Contains("Index Cond:", seek);
        Assert.Contains("(seller_id = s.seller_id)", seek);
        Assert.Contains("(ledger = ", seek);
        Assert.Contains("(seq > ", seek);
        Assert.DoesNotContain("villages_entries_by_batch", plan);
        Assert.DoesNotContain("Seq Scan on villages_entries", plan);
    }

    private async Task<string> Plan(string sql, (string Name, object Value)[] args)
    {
        await using var c = new NpgsqlConnection(_cs);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("EXPLAIN " + sql, c);
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        var steps = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            steps.Add(r.GetString(0));
        }

        return string.Join('\n', steps);
    }
}
