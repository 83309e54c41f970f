using Npgsql;
using Villages.Baselines.Queries;
using Villages.Domain.Time;

namespace Villages.Baselines.Postgres;

/// <summary>The benchmark's three queries as SQL over the raw sales, computed afresh on every call.</summary>
internal sealed class PostgresQueries(NpgsqlDataSource db) : IBaselineQueries
{
    // sum(bigint) is numeric in PostgreSQL; the casts read the sums back as integer fen.
    private const string NationalSql = """
        SELECT coalesce(sum(amount_fen), 0)::bigint, count(*), coalesce(sum(quantity), 0)::bigint, count(DISTINCT customer)
        FROM baseline.sales
        """;

    // Every CST day of the year (generate_series), zero-filled, left-joined to the county's sales of that year grouped
    // by CST day. A county is the range [code, code || ':') of village codes: ':' sorts right after '9' in "C" order.
    private const string CountySeriesSql = """
        SELECT d.day::date, coalesce(s.gross, 0), coalesce(s.orders, 0), coalesce(s.items, 0), coalesce(s.customers, 0)
        FROM generate_series($1::timestamp, $2::timestamp - interval '1 day', interval '1 day') AS d(day)
        LEFT JOIN (
            SELECT date_trunc('day', time AT TIME ZONE 'Asia/Shanghai') AS day,
                   sum(amount_fen)::bigint AS gross, count(*) AS orders, sum(quantity)::bigint AS items,
                   count(DISTINCT customer) AS customers
            FROM baseline.sales
            WHERE village_code >= $3 AND village_code < $3 || ':' AND time >= $4 AND time < $5
            GROUP BY 1
        ) s ON s.day = d.day
        ORDER BY d.day
        """;

    // All the village's sellers, those without sales at zero, ranked by net (= gross: no refunds), ties by id.
    private const string VillageChildrenSql = """
        SELECT s.seller_id, coalesce(t.gross, 0) AS net, coalesce(t.orders, 0), coalesce(t.items, 0), coalesce(t.customers, 0)
        FROM baseline.sellers s
        LEFT JOIN (
            SELECT seller_id, sum(amount_fen)::bigint AS gross, count(*) AS orders, sum(quantity)::bigint AS items,
                   count(DISTINCT customer) AS customers
            FROM baseline.sales
            WHERE village_code = $1
            GROUP BY seller_id
        ) t ON t.seller_id = s.seller_id
        WHERE s.village_code = $1
        ORDER BY net DESC, s.seller_id
        LIMIT $2
        """;

    public async Task<NationalTotals> National(CancellationToken cancel = default)
    {
        await using var command = db.CreateCommand(NationalSql);
        await using var reader = await command.ExecuteReaderAsync(cancel);
        await reader.ReadAsync(cancel);
        var gross = reader.GetInt64(0);
        return new NationalTotals(gross, 0, gross, reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    public async Task<IReadOnlyList<DayPoint>> CountySeries(string countyCode, int year, CancellationToken cancel = default)
    {
        var from = new DateTime(year, 1, 1);
        var to = new DateTime(year + 1, 1, 1);
        await using var command = db.CreateCommand(CountySeriesSql);
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = from, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Timestamp });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = to, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Timestamp });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = countyCode });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = Cst.Instant(from).ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = Cst.Instant(to).ToUniversalTime() });
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var points = new List<DayPoint>(366);
        while (await reader.ReadAsync(cancel))
        {
            var gross = reader.GetInt64(1);
            points.Add(new DayPoint(reader.GetFieldValue<DateOnly>(0), gross, gross, reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
        }

        return points;
    }

    public async Task<IReadOnlyList<ChildRow>> VillageChildren(string villageCode, int top, CancellationToken cancel = default)
    {
        await using var command = db.CreateCommand(VillageChildrenSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = villageCode });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = top });
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var rows = new List<ChildRow>(top);
        while (await reader.ReadAsync(cancel))
        {
            var net = reader.GetInt64(1);
            rows.Add(new ChildRow(reader.GetString(0), net, net, reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
        }

        return rows;
    }
}
