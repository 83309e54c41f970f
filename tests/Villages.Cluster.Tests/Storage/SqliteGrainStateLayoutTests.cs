using Microsoft.Data.Sqlite;
using Villages.Hosting.Configuration;
using Villages.Hosting.Stores;

namespace Villages.Cluster.Tests.Storage;

/// <summary>
/// How grains.db keeps grain state: a big checkpoint (a national book is tens of MB) costs only its own grain's reads,
/// and a database of the former layout keeps every row and version across the upgrade.
/// </summary>
public sealed class SqliteGrainStateLayoutTests : IDisposable
{
    private const int BigPayloadBytes = 4 << 20;

    private readonly string _folder = Directory.CreateTempSubdirectory("villages-grain-state-").FullName;

    private string GrainsDb => Path.Combine(_folder, "grains.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Reading_small_grains_beside_a_big_checkpoint_does_not_read_the_checkpoint()
    {
        await SchemaInstaller.Install(Settings());
        await using (var c = await Connect())
        {
            foreach (var key in SmallKeys())
            {
                await Write(c, key, new byte[100]);
            }

            await Write(c, "m", new byte[BigPayloadBytes]);
        }

        // Counted as the bytes this thread read from files, since SQLite reads a row's overflow pages past its cache;
        // the statements run synchronously on this thread, so no other test's reads count.
        await using var reader = await Connect();
        var before = BytesReadByThisThread();
        foreach (var key in SmallKeys())
        {
            Assert.Equal(100, Read(reader, key)!.Length);
        }

        var read = BytesReadByThisThread() - before;
        Assert.InRange(read, 1, BigPayloadBytes / 16);
        Assert.Equal(BigPayloadBytes, Read(reader, "m")!.Length);
    }

    [Fact]
    public async Task A_database_of_the_former_layout_keeps_every_row_and_version_and_takes_the_current_layout()
    {
        await using (var c = await Connect())
        {
            await Execute(c, FormerLayout("OrleansStorage") + """
                INSERT INTO OrleansStorage VALUES ('villages', 'region-figures', 0, 0, 'CN', x'0102', '2026-11-01 00:00:00', 7);
                INSERT INTO OrleansStorage VALUES ('villages', 'ledger', 0, 12, '', x'03', '2026-11-02 00:00:00', 3);
                INSERT INTO OrleansStorage VALUES ('villages', 'seller-figures', 0, 0, 'farmer-1', NULL, '2026-11-03 00:00:00', 2);
                """);
        }

        await SchemaInstaller.Install(Settings());
        await SchemaInstaller.Install(Settings());

        await using var after = await Connect();
        Assert.Equal(
            new[] { "ledger|12||03|3", "region-figures|0|CN|0102|7", "seller-figures|0|farmer-1||2" },
            await Rows(after));
        var definition = (string)(await Scalar(after, "SELECT sql FROM sqlite_master WHERE name = 'OrleansStorage'"))!;
        Assert.DoesNotContain("WITHOUT ROWID", definition, StringComparison.OrdinalIgnoreCase);
        Assert.Null(await Scalar(after, $"SELECT 1 FROM sqlite_master WHERE name = '{SqliteGrainStateUpgrade.SetAsideTable}'"));

        // The versions still guard the rows: a write with a stale version changes nothing.
        Assert.Null(await Write(after, "CN", [9], version: 6));
        Assert.Equal(8L, await Write(after, "CN", [9], version: 7));
    }

    [Fact]
    public async Task A_start_interrupted_after_setting_the_former_table_aside_finishes_the_move()
    {
        await SchemaInstaller.Install(Settings());
        await using (var c = await Connect())
        {
            await Execute(c, FormerLayout(SqliteGrainStateUpgrade.SetAsideTable) + $"""
                INSERT INTO {SqliteGrainStateUpgrade.SetAsideTable} VALUES ('villages', 'ledger', 0, 4, '', x'05', '2026-11-02 00:00:00', 9);
                """);
        }

        await SchemaInstaller.Install(Settings());

        await using var after = await Connect();
        Assert.Equal(new[] { "ledger|4||05|9" }, await Rows(after));
        Assert.Null(await Scalar(after, $"SELECT 1 FROM sqlite_master WHERE name = '{SqliteGrainStateUpgrade.SetAsideTable}'"));
    }

    /// <summary>The grain-state table as grains.db kept it before 50c35c5.</summary>
    private static string FormerLayout(string table) => $"""
        CREATE TABLE {table} (
            ServiceId TEXT NOT NULL, GrainTypeString TEXT NOT NULL, GrainIdN0 INTEGER NOT NULL, GrainIdN1 INTEGER NOT NULL,
            GrainIdExtensionString TEXT NOT NULL, PayloadBinary BLOB NULL, ModifiedOn TEXT NOT NULL, Version INTEGER NOT NULL,
            PRIMARY KEY (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
        ) WITHOUT ROWID;

        """;

    private static IEnumerable<string> SmallKeys() => Enumerable.Range(0, 400).Select(i => $"{(char)('a' + (i % 26))}{i:D4}");

    private VillagesSettings Settings() => new()
    {
        DataFolder = _folder,
        ConfigFolder = Path.Combine(AppContext.BaseDirectory, "silo-config"),
        JournalConnectionString = $"Data Source={Path.Combine(_folder, "journal.db")};Pooling=False",
        GrainStorageConnectionString = $"Data Source={GrainsDb};Pooling=False",
    };

    private async Task<SqliteConnection> Connect()
    {
        var c = new SqliteConnection($"Data Source={GrainsDb};Pooling=False");
        await c.OpenAsync();
        return c;
    }

    private static long BytesReadByThisThread() =>
        long.Parse(File.ReadLines("/proc/thread-self/io").Single(l => l.StartsWith("rchar:", StringComparison.Ordinal))["rchar:".Length..]);

    /// <summary>Writes through the provider's own statement (as Orleans binds it); the new version, or null on a conflict.</summary>
    private static async Task<long?> Write(SqliteConnection c, string key, byte[] payload, long? version = null)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = (string)(await Scalar(c, "SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'WriteToStorageKey'"))!;
        Bind(cmd, key);
        cmd.Parameters.AddWithValue("@PayloadBinary", payload);
        cmd.Parameters.AddWithValue("@GrainStateVersion", version is null ? DBNull.Value : version);
        return await cmd.ExecuteScalarAsync() is long v ? v : null;
    }

    private static byte[]? Read(SqliteConnection c, string key)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'ReadFromStorageKey'";
        cmd.CommandText = (string)cmd.ExecuteScalar()!;
        Bind(cmd, key);
        return cmd.ExecuteScalar() as byte[];
    }

    private static void Bind(SqliteCommand cmd, string key)
    {
        cmd.Parameters.AddWithValue("@ServiceId", "villages");
        cmd.Parameters.AddWithValue("@GrainTypeString", "region-figures");
        cmd.Parameters.AddWithValue("@GrainIdN0", 0L);
        cmd.Parameters.AddWithValue("@GrainIdN1", 0L);
        cmd.Parameters.AddWithValue("@GrainIdExtensionString", key);
    }

    private static async Task<List<string>> Rows(SqliteConnection c)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT GrainTypeString, GrainIdN1, GrainIdExtensionString, COALESCE(hex(PayloadBinary), ''), Version
            FROM OrleansStorage ORDER BY GrainTypeString
            """;
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await r.ReadAsync())
        {
            rows.Add($"{r.GetString(0)}|{r.GetInt64(1)}|{r.GetString(2)}|{r.GetString(3)}|{r.GetInt64(4)}");
        }

        return rows;
    }

    private static async Task<object?> Scalar(SqliteConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync();
    }

    private static async Task Execute(SqliteConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}
