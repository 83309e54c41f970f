using Npgsql;
using NpgsqlTypes;
using Villages.Baselines.Input;

namespace Villages.Baselines.Postgres;

/// <summary>
/// The tables a user would make without Villages, in their own schema so a run never touches anything else in the
/// database. Ids, codes and customer tokens are collated "C": byte order, so a region is a range of village codes an
/// index can scan, and count(DISTINCT customer) compares bytes instead of asking the locale.
/// </summary>
internal static class PostgresSchema
{
    public const string Name = "baseline";

    /// <summary>The indexes beyond the primary keys, and which query each serves (for the report).</summary>
    public static readonly string[] Indexes =
    [
        "sales (platform, sale_id): primary key, the idempotency key a retried batch would need",
        "sales (village_code, time): county series (a range of village codes, then of times) and village children",
        "sellers (village_code): village children (all the village's sellers, including those without sales)",
    ];

    private const string Ddl = """
        DROP SCHEMA IF EXISTS baseline CASCADE;
        CREATE SCHEMA baseline;
        CREATE TABLE baseline.sellers (
            seller_id    text COLLATE "C" PRIMARY KEY,
            village_code text COLLATE "C" NOT NULL,
            kind         text NOT NULL,
            members      integer NOT NULL
        );
        CREATE INDEX sellers_village ON baseline.sellers (village_code);
        -- No foreign key to sellers: lines of unknown sellers are refused before COPY, as the gateway refuses them,
        -- and a per-row key check would only slow the COPY this baseline is about.
        CREATE TABLE baseline.sales (
            platform     text NOT NULL,
            sale_id      text COLLATE "C" NOT NULL,
            seller_id    text COLLATE "C" NOT NULL,
            village_code text COLLATE "C" NOT NULL,
            time         timestamptz NOT NULL,
            product      text NOT NULL,
            category     text NOT NULL,
            quantity     bigint NOT NULL,
            weight_g     bigint NOT NULL,
            amount_fen   bigint NOT NULL,
            customer     text COLLATE "C" NOT NULL,
            PRIMARY KEY (platform, sale_id)
        );
        CREATE INDEX sales_village_time ON baseline.sales (village_code, time);
        """;

    /// <summary>Drops what an earlier run left and creates the tables afresh, then loads the sellers.</summary>
    public static async Task Create(NpgsqlDataSource db, IReadOnlyDictionary<string, SellerRow> sellers)
    {
        await using (var ddl = db.CreateCommand(Ddl))
        {
            await ddl.ExecuteNonQueryAsync();
        }

        await using var connection = await db.OpenConnectionAsync();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY baseline.sellers (seller_id, village_code, kind, members) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var s in sellers.Values)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(s.SellerId, NpgsqlDbType.Text);
                await copy.WriteAsync(s.VillageCode, NpgsqlDbType.Text);
                await copy.WriteAsync(s.Kind, NpgsqlDbType.Text);
                await copy.WriteAsync(s.Members, NpgsqlDbType.Integer);
            }

            await copy.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE baseline.sellers", connection);
        await analyze.ExecuteNonQueryAsync();
    }
}
