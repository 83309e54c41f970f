using System.Data.Common;
using Villages.Grains.Journal;

namespace Villages.Hosting.Stores;

/// <summary>
/// Moves grain state kept in the former SQLite layout (a WITHOUT ROWID table, see orleans-storage.sql for why it went)
/// into the current one, keeping every row and its version so that no grain rebuilds from the journal and no stale
/// activation gains a write. The former table is set aside under another name before the script creates the current
/// one, and emptied into it after; a start interrupted between the two finds the set-aside table and finishes.
/// </summary>
public static class SqliteGrainStateUpgrade
{
    public const string SetAsideTable = "OrleansStorageWithoutRowid";

    private const string Columns = "ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, Version, ModifiedOn, PayloadBinary";

    /// <summary>Renames a table of the former layout out of the way of the script.</summary>
    public static async Task SetAside(JournalDatabase storage)
    {
        await using var c = await storage.Open();
        var definition = await Scalar(c, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'OrleansStorage'");
        if (definition is string sql && sql.Contains("WITHOUT ROWID", StringComparison.OrdinalIgnoreCase))
        {
            await Execute(c, $"ALTER TABLE OrleansStorage RENAME TO {SetAsideTable}");
        }
    }

    /// <summary>Copies the set-aside rows into the current table and drops the set-aside table, in one transaction.</summary>
    public static async Task MoveBack(JournalDatabase storage)
    {
        await using (var c = await storage.Open())
        {
            if (await Scalar(c, $"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{SetAsideTable}'") is null)
            {
                return;
            }
        }

        await storage.Write(async (c, tx) =>
        {
            await Execute(c, $"INSERT INTO OrleansStorage ({Columns}) SELECT {Columns} FROM {SetAsideTable}", tx);
            await Execute(c, $"DROP TABLE {SetAsideTable}", tx);
            return true;
        });
    }

    private static async Task<object?> Scalar(DbConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync();
    }

    private static async Task Execute(DbConnection c, string sql, DbTransaction? tx = null)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        await cmd.ExecuteNonQueryAsync();
    }
}
