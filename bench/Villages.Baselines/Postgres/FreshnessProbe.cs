using System.Diagnostics;
using Npgsql;
using Villages.Baselines.Measuring;
using Villages.Baselines.Queries;

namespace Villages.Baselines.Postgres;

/// <summary>
/// Freshness: commit one sale line, then ask the national total until it counts that line; the time from the
/// commit's acknowledgement to that answer. On PostgreSQL the first query after the commit always sees it, so
/// this is the national query's latency: the price of computing the roll-up at read time.
/// </summary>
internal static class FreshnessProbe
{
    private const string InsertSql = """
        INSERT INTO baseline.sales (platform, sale_id, seller_id, village_code, time, product, category, quantity, weight_g, amount_fen, customer)
        SELECT 'self', $1, seller_id, village_code, now(), 'probe', 'other', 1, 0, 1, 'freshness-probe'
        FROM baseline.sellers WHERE village_code = $2 ORDER BY seller_id LIMIT 1
        """;

    public static async Task<LatencySummary> Measure(NpgsqlDataSource db, IBaselineQueries queries, string villageCode, int probes, TimeSpan budget)
    {
        var orders = (await queries.National()).Orders;
        var samples = new List<TimeSpan>(probes);
        await using var connection = await db.OpenConnectionAsync();
        var started = Stopwatch.GetTimestamp();
        while (samples.Count < probes && (samples.Count < QueryTimer.MinRuns || Stopwatch.GetElapsedTime(started) < budget))
        {
            // Autocommit: the INSERT is its own transaction, committed (and flushed) when ExecuteNonQuery returns.
            await using (var insert = new NpgsqlCommand(InsertSql, connection))
            {
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"freshness-{Guid.NewGuid():N}" });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = villageCode });
                orders += await insert.ExecuteNonQueryAsync();
            }

            var committed = Stopwatch.GetTimestamp();
            while ((await queries.National()).Orders < orders)
            {
                // Not seen yet: ask again (never happens on one PostgreSQL server, but a replica would lag).
            }

            samples.Add(Stopwatch.GetElapsedTime(committed));
        }

        return LatencySummary.Of(samples)!;
    }
}
