using Microsoft.Data.Sqlite;

namespace Villages.Tests.Shared;

/// <summary>Reads a node's ledger positions from its journal, or changes them behind its back, as a second activation of a ledger would.</summary>
public static class LedgerPositions
{
    /// <summary>The last batch the ledger committed.</summary>
    public static async Task<long> Last(string dataFolder, int ledger)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataFolder, "journal.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_seq FROM villages_ledgers WHERE ledger = $ledger";
        command.Parameters.AddWithValue("$ledger", ledger);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Moves the ledger's committed position one batch on, as if another activation had committed a batch.</summary>
    public static async Task MoveOn(string dataFolder, int ledger)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataFolder, "journal.db")};Default Timeout=30;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE villages_ledgers SET last_seq = last_seq + 1 WHERE ledger = $ledger";
        command.Parameters.AddWithValue("$ledger", ledger);
        if (await command.ExecuteNonQueryAsync() != 1)
        {
            throw new InvalidOperationException($"Ledger {ledger} has no position in the journal yet.");
        }
    }
}
