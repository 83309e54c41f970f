using Microsoft.Data.Sqlite;
using Npgsql;
using Villages.Grains.Journal;
using Villages.Hosting.Configuration;

namespace Villages.Hosting.Stores;

/// <summary>How each store is reached: which ADO.NET provider, which Orleans invariant, which schema scripts.</summary>
public static class StoreLayout
{
    /// <summary>The invariant under which Orleans' ADO.NET providers serve SQLite (through Microsoft.Data.Sqlite).</summary>
    public const string OrleansSqliteInvariant = "System.Data.SQLite";

    public const string OrleansPostgresInvariant = "Npgsql";

    /// <summary>WAL commits reach the log file before they return, which survives the death of the process.</summary>
    private const string SqliteSession = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";

    /// <summary>
    /// The journal's one writer: a page cache that holds the hot index pages (128 MiB), and a log checkpointed every
    /// 80 MiB rather than 4 MiB, so a page written by many commits is copied back to the database once, not each time.
    /// </summary>
    private const string SqliteWriterSession = "PRAGMA cache_size = -131072; PRAGMA wal_autocheckpoint = 20000;";

    public static string OrleansInvariant(Store store) => store == Store.Sqlite ? OrleansSqliteInvariant : OrleansPostgresInvariant;

    public static JournalDatabase Journal(VillagesSettings settings) => settings.Store == Store.Sqlite
        ? new JournalDatabase(SqliteFactory.Instance, settings.JournalConnectionString, SqliteSession, singleWriter: true, SqliteWriterSession)
        : new JournalDatabase(NpgsqlFactory.Instance, settings.JournalConnectionString);

    public static JournalDatabase GrainStorage(VillagesSettings settings) => settings.Store == Store.Sqlite
        ? new JournalDatabase(SqliteFactory.Instance, settings.GrainStorageConnectionString, SqliteSession)
        : new JournalDatabase(NpgsqlFactory.Instance, settings.GrainStorageConnectionString);

    public static string Scripts(VillagesSettings settings) =>
        Path.Combine(settings.ConfigFolder, "sql", settings.Store == Store.Sqlite ? "sqlite" : "postgresql");
}
