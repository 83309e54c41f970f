using System.Data.Common;

namespace Villages.Grains.Journal;

/// <summary>
/// Opens connections to the journal's database through whichever ADO.NET provider the configuration names,
/// running the provider's per-connection settings (for SQLite: WAL commits that survive a killed process), and
/// runs write transactions: on a database with one writer (SQLite) through a group commit, elsewhere each on its own.
/// </summary>
public sealed class JournalDatabase
{
    private readonly DbProviderFactory _factory;
    private readonly string _connectionString;
    private readonly string _onOpen;
    private readonly GroupCommit? _groupCommit;

    /// <param name="writerSession">Statements for the single writer's own connection (its cache and log sizes).</param>
    public JournalDatabase(DbProviderFactory factory, string connectionString, string onOpen = "", bool singleWriter = false, string writerSession = "")
    {
        _factory = factory;
        _connectionString = connectionString;
        _onOpen = onOpen;
        _groupCommit = singleWriter ? new GroupCommit(() => Open(writerSession)) : null;
    }

    public Task<DbConnection> Open() => Open("");

    /// <summary>Runs <paramref name="work"/> in a transaction and completes once that transaction has committed.</summary>
    public async Task<T> Write<T>(Func<DbConnection, DbTransaction, Task<T>> work)
    {
        if (_groupCommit is not null)
        {
            return await _groupCommit.Write(work);
        }

        await using var c = await Open();
        await using var tx = await c.BeginTransactionAsync();
        var result = await work(c, tx);
        await tx.CommitAsync();
        return result;
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
            // No time limit: building an index on an older build's journal of millions of rows takes longer than the
            // providers' default 30 s, and a start that gave up would roll the build back and try again next time.
            cmd.CommandTimeout = 0;
            await cmd.ExecuteNonQueryAsync();
        }
    }

    private async Task<DbConnection> Open(string session)
    {
        var connection = _factory.CreateConnection()!;
        connection.ConnectionString = _connectionString;
        await connection.OpenAsync();
        foreach (var statements in new[] { _onOpen, session })
        {
            if (statements.Length > 0)
            {
                await using var cmd = connection.Command(statements);
                await cmd.ExecuteNonQueryAsync();
            }
        }

        return connection;
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

    /// <summary>
    /// A command in <paramref name="tx"/>. SQLite's provider refuses a command on a connection with a transaction open
    /// unless the command names it (PostgreSQL's does not ask), so a command that forgot would fail only embedded.
    /// </summary>
    public static DbCommand Command(this DbTransaction tx, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = tx.Connection!.Command(sql, parameters);
        cmd.Transaction = tx;
        return cmd;
    }
}
