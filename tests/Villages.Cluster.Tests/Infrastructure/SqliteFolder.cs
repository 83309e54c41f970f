using Microsoft.Data.Sqlite;
using Villages.Grains.Journal;

namespace Villages.Cluster.Tests.Infrastructure;

/// <summary>A temporary folder of SQLite databases for one test class, removed (pools first) when it is done.</summary>
public abstract class SqliteFolder : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("villages-sqlite-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>The embedded node's journal schema, as the node applies it at each start.</summary>
    protected static string JournalScript() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "silo-config", "sql", "sqlite", "journal.sql"));

    /// <summary>A journal database on a new file of the folder, with one writer connection as the node runs it.</summary>
    protected JournalDatabase Database(string name, string onOpen = "") =>
        new(SqliteFactory.Instance, ConnectionString(name), onOpen, singleWriter: true);

    protected string Folder => _folder;

    protected string ConnectionString(string name) => $"Data Source={Path.Combine(_folder, name + ".db")}";
}
