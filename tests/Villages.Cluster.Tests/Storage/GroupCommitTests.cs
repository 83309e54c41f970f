using CsCheck;
using Microsoft.Data.Sqlite;
using Villages.Cluster.Tests.Infrastructure;
using Villages.Grains.Journal;

namespace Villages.Cluster.Tests.Storage;

/// <summary>
/// The SQLite journal's group commit: writes that arrive together share one transaction, yet each succeeds or fails
/// on its own, and none is reported done before the commit that holds it.
/// </summary>
public sealed class GroupCommitTests : SqliteFolder
{
    [Fact]
    public async Task Concurrent_writes_each_commit_or_fail_alone_and_are_durable_when_their_task_completes()
    {
        var run = 0;
        await Gen.Bool.Array[1, 200].SampleAsync(
            async failures =>
            {
                var database = await Fresh($"run{Interlocked.Increment(ref run)}");
                var writes = failures.Select((fails, i) => Task.Run(() => database.Write(async (c, tx) =>
                {
                    await Insert(c, tx, i);
                    if (fails)
                    {
                        throw new WriteRefused(i);
                    }

                    return i;
                }))).ToArray();

                for (var i = 0; i < writes.Length; i++)
                {
                    if (failures[i])
                    {
                        var refused = await Assert.ThrowsAsync<WriteRefused>(() => writes[i]);
                        Assert.Equal(i, refused.Write);
                    }
                    else
                    {
                        Assert.Equal(i, await writes[i]);
                    }
                }

                var expected = failures.Select((fails, i) => (fails, i)).Where(w => !w.fails).Select(w => (long)w.i);
                Assert.Equal(expected, await Rows(database));
            },
            iter: 30);
    }

    [Fact]
    public async Task A_commit_that_fails_fails_every_write_in_it_and_the_writer_recovers()
    {
        var database = await Fresh("broken");
        await database.Write(async (c, tx) =>
        {
            await Insert(c, tx, 1);
            return 0;
        });

        // A deferred foreign key is checked only at COMMIT, so the commit itself fails, after every savepoint succeeded.
        var doomed = Enumerable.Range(0, 20).Select(i => Task.Run(() => database.Write(async (c, tx) =>
        {
            await Insert(c, tx, 100 + i);
            if (i == 7)
            {
                await using var orphan = c.CreateCommand();
                orphan.Transaction = tx;
                orphan.CommandText = "INSERT INTO child (parent) VALUES (999)";
                await orphan.ExecuteNonQueryAsync();
            }

            return i;
        }))).ToArray();

        var outcomes = await Task.WhenAll(doomed.Select(async w =>
        {
            try
            {
                await w;
                return true;
            }
            catch (SqliteException)
            {
                return false;
            }
        }));

        // Every write that shared the failed commit failed with it; none that succeeded holds the orphan.
        var rows = await Rows(database);
        Assert.Equal(outcomes.Count(ok => ok) + 1, rows.Count);
        Assert.Contains(false, outcomes);

        await database.Write(async (c, tx) =>
        {
            await Insert(c, tx, 2);
            return 0;
        });
        Assert.Contains(2L, await Rows(database));
    }

    private async Task<JournalDatabase> Fresh(string name)
    {
        var database = Database(name, "PRAGMA foreign_keys = ON;");
        await database.Apply(
            """
            PRAGMA journal_mode = WAL;
            CREATE TABLE t (n INTEGER NOT NULL PRIMARY KEY);
            CREATE TABLE parent (id INTEGER NOT NULL PRIMARY KEY);
            CREATE TABLE child (parent INTEGER NOT NULL REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)
            """);
        return database;
    }

    private static async Task Insert(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction tx, long n)
    {
        await using var insert = c.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO t (n) VALUES ($n)";
        insert.Parameters.Add(new SqliteParameter("$n", n));
        await insert.ExecuteNonQueryAsync();
    }

    private static async Task<List<long>> Rows(JournalDatabase database)
    {
        await using var c = await database.Open();
        await using var select = c.CreateCommand();
        select.CommandText = "SELECT n FROM t ORDER BY n";
        await using var r = await select.ExecuteReaderAsync();
        var rows = new List<long>();
        while (await r.ReadAsync())
        {
            rows.Add(r.GetInt64(0));
        }

        return rows;
    }

    private sealed class WriteRefused(int write) : Exception($"write {write} refused")
    {
        public int Write { get; } = write;
    }
}
