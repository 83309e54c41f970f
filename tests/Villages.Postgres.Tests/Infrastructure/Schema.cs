using Npgsql;
using Villages.Grains.Journal;

namespace Villages.Postgres.Tests.Infrastructure;

/// <summary>The PostgreSQL scripts of silo-config/sql/postgresql, applied the way a silo applies them.</summary>
public static class Schema
{
    public const string Journal = "journal.sql";
    public const string Storage = "orleans-storage.sql";
    public const string Clustering = "orleans-clustering.sql";

    public static readonly string[] All = [Journal, Storage, Clustering];

    public static string Text(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sql", file));

    public static async Task Apply(string connectionString, params string[] files)
    {
        var database = new JournalDatabase(NpgsqlFactory.Instance, connectionString);
        foreach (var file in files)
        {
            await database.Apply(Text(file));
        }
    }

    /// <summary>A fresh database on the server with every script applied.</summary>
    public static async Task<string> Fresh(PostgresServer server, string name, string? icuLocale = null)
    {
        var connectionString = await server.CreateDatabase(name, icuLocale);
        await Apply(connectionString, All);
        return connectionString;
    }

    public static async Task<T> Scalar<T>(string connectionString, string sql)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    public static async Task Execute(string connectionString, string sql)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }
}
