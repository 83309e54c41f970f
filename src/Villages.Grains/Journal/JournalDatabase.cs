using System.Data.Common;

namespace Villages.Grains.Journal;

/// <summary>
/// Opens connections to the journal's database through whichever ADO.NET provider the configuration names,
/// running the provider's per-connection settings (for SQLite: WAL commits that survive a killed process).
/// </summary>
public sealed class JournalDatabase(DbProviderFactory factory, string connectionString, string onOpen = "", bool singleWriter = false)
{
    // SQLite has one writer at a time and makes the others sleep-wait on a thread; queue them here instead.
    private readonly SemaphoreSlim? _writer = singleWriter ? new SemaphoreSlim(1, 1) : null;

    /// <summary>Held around a write transaction; a no-op for databases that take concurrent writers.</summary>
    public async Task<IDisposable> WriteTurn()
    {
        if (_writer is null)
        {
            return NoTurn.Instance;
        }

        await _writer.WaitAsync();
        return new Turn(_writer);
    }

    public async Task<DbConnection> Open()
    {
        var connection = factory.CreateConnection()!;
        connection.ConnectionString = connectionString;
        await connection.OpenAsync();
        if (onOpen.Length > 0)
        {
            await using var cmd = connection.Command(onOpen);
            await cmd.ExecuteNonQueryAsync();
        }

        return connection;
    }

    /// <summary>Runs a schema script; each statement is idempotent, so this is safe on every start.</summary>
    public async Task Apply(string script)
    {
        await using var c = await Open();
        foreach (var statement in script.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (statement.Split('\n').All(l => l.TrimStart().StartsWith("--", StringComparison.Ordinal) || l.Trim().Length == 0))
            {
                continue;
            }

            await using var cmd = c.Command(statement);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}

file sealed class Turn(SemaphoreSlim writer) : IDisposable
{
    public void Dispose() => writer.Release();
}

file sealed class NoTurn : IDisposable
{
    public static readonly NoTurn Instance = new();

    public void Dispose()
    {
    }
}

internal static class DbCommandExtensions
{
    public static DbCommand Command(this DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@" + name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }

        return cmd;
    }
}
