using Npgsql;
using Villages.Grains.Journal;
using Villages.Postgres.Tests.Infrastructure;

namespace Villages.Postgres.Tests;

/// <summary>The three scripts share one database (and the OrleansQuery table) and are applied at every start.</summary>
public sealed class SchemaTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static readonly string[] Tables =
    [
        "orleansmembershiptable", "orleansmembershipversiontable", "orleansquery", "orleansstorage",
        "villages_county_sellers", "villages_entries", "villages_income", "villages_ledgers", "villages_regions", "villages_sellers",
    ];

    private static readonly string[] QueryKeys =
    [
        "CleanupDefunctSiloEntriesKey", "ClearStorageKey", "DeleteMembershipTableEntriesKey", "DeleteStorageKey",
        "GatewaysQueryKey", "InsertMembershipKey", "InsertMembershipVersionKey", "MembershipReadAllKey",
        "MembershipReadRowKey", "ReadFromStorageKey", "UpdateIAmAlivetimeKey", "UpdateMembershipKey", "WriteToStorageKey",
    ];

    public static TheoryData<string[]> Orders() =>
    [
        [Schema.Journal, Schema.Storage, Schema.Clustering],
        [Schema.Journal, Schema.Clustering, Schema.Storage],
        [Schema.Storage, Schema.Journal, Schema.Clustering],
        [Schema.Storage, Schema.Clustering, Schema.Journal],
        [Schema.Clustering, Schema.Journal, Schema.Storage],
        [Schema.Clustering, Schema.Storage, Schema.Journal],
    ];

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Scripts_apply_in_any_order_and_again(string[] order)
    {
        var cs = await server.CreateDatabase("order_" + Guid.NewGuid().ToString("N"));

        await Schema.Apply(cs, order);
        await Schema.Apply(cs, order);
        await Schema.Apply(cs, [.. order.Reverse()]);

        Assert.Equal(Tables, await Names(cs, "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'public'"));
        Assert.Equal(QueryKeys, await Names(cs, "SELECT string_agg(QueryKey, ',' ORDER BY QueryKey COLLATE \"C\") FROM OrleansQuery"));
    }

    [Fact]
    public async Task Each_script_applies_alone()
    {
        foreach (var file in Schema.All)
        {
            var cs = await server.CreateDatabase("alone_" + Guid.NewGuid().ToString("N"));
            await Schema.Apply(cs, file, file);
            var tables = await Names(cs, "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'public'");
            Assert.NotEmpty(tables);
        }
    }

    /// <summary>Silos start together and each applies every script; none may fail on another's half-made tables.</summary>
    [Fact]
    public async Task Silos_applying_the_scripts_at_once_do_not_trip_over_each_other()
    {
        for (var round = 0; round < 3; round++)
        {
            var cs = await server.CreateDatabase("race_" + Guid.NewGuid().ToString("N"));
            await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => Schema.Apply(cs, [.. Schema.All.Skip(i % 3), .. Schema.All.Take(i % 3)]))));
            Assert.Equal(Tables, await Names(cs, "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'public'"));
        }
    }

    /// <summary>A script that fails part-way leaves no half-applied schema and no lock behind.</summary>
    [Fact]
    public async Task A_failing_script_leaves_nothing_behind()
    {
        var cs = await server.CreateDatabase("broken_" + Guid.NewGuid().ToString("N"));
        var broken = Schema.Text(Schema.Journal).Replace("CREATE TABLE IF NOT EXISTS villages_income", "CREATE TABLE IF NOT EXISTS villages_income (oops", StringComparison.Ordinal);

        await Assert.ThrowsAnyAsync<Exception>(() => new JournalDatabase(NpgsqlFactory.Instance, cs).Apply(broken));

        Assert.Equal(0L, await Schema.Scalar<long>(cs, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"));
        await Schema.Apply(cs, Schema.All);
        Assert.Equal(Tables, await Names(cs, "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'public'"));
    }

    /// <summary>
    /// Npgsql converts between integer widths when reading, so a wrong width would only show as an overflow in
    /// production: pin each journal column to what SqlJournal reads (GetInt32: integer, GetInt64: bigint), and the
    /// region codes read as ranges to the byte-wise collation.
    /// </summary>
    [Fact]
    public async Task Journal_columns_have_the_types_the_journal_reads_them_as()
    {
        var cs = await server.CreateDatabase("types_" + Guid.NewGuid().ToString("N"));
        await Schema.Apply(cs, Schema.Journal);

        var columns = await Schema.Scalar<string>(cs, """
            SELECT string_agg(table_name || '.' || column_name || ' ' || data_type || COALESCE(' ' || collation_name, ''), ','
                              ORDER BY table_name, ordinal_position)
            FROM information_schema.columns WHERE table_schema = 'public'
            """);

        Assert.Equal(
        [
            "villages_county_sellers.county_code text C", "villages_county_sellers.sellers bigint",
            "villages_entries.kind integer", "villages_entries.platform integer", "villages_entries.entry_id text",
            "villages_entries.ledger integer", "villages_entries.seq bigint", "villages_entries.seller_id text",
            "villages_entries.village_code text C", "villages_entries.hour integer", "villages_entries.year integer",
            "villages_entries.category integer", "villages_entries.product text", "villages_entries.quantity bigint",
            "villages_entries.weight_g bigint", "villages_entries.amount_fen bigint", "villages_entries.customer_hash bigint",
            "villages_entries.sale_id text", "villages_entries.refunded_fen bigint", "villages_entries.refunded_qty bigint",
            "villages_income.seller_id text", "villages_income.year integer", "villages_income.source text", "villages_income.amount_fen bigint",
            "villages_ledgers.ledger integer", "villages_ledgers.last_seq bigint",
            "villages_regions.code text C", "villages_regions.name text",
            "villages_sellers.seller_id text", "villages_sellers.name text", "villages_sellers.village_code text C",
            "villages_sellers.kind integer", "villages_sellers.members integer", "villages_sellers.has_sales integer",
        ], columns.Split(','));
    }

    private static async Task<string[]> Names(string cs, string sql) => (await Schema.Scalar<string>(cs, sql)).Split(',');
}
