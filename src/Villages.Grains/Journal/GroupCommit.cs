using System.Data.Common;

namespace Villages.Grains.Journal;

/// <summary>
/// SQLite has one writer. Rather than queue the ledgers' transactions one behind the other, each paying a commit
/// and rewriting the same index pages into the log, the writes that arrive while one commit runs are gathered into
/// the next: one transaction, each write in its own savepoint so that one write's failure (a fenced ledger) undoes
/// only that write. A caller's task completes only after the commit that holds its write; if that commit fails,
/// every write in it fails, and nothing of them is durable.
/// The writer keeps one connection open, so its page cache stays warm: no other connection writes the journal.
/// </summary>
internal sealed class GroupCommit(Func<Task<DbConnection>> open) : IAsyncDisposable
{
    private const string Savepoint = "one_write";

    private readonly Lock _gate = new();
    private List<IPendingWrite> _queue = [];
    private bool _draining;
    private DbConnection? _connection;

    public Task<T> Write<T>(Func<DbConnection, DbTransaction, Task<T>> work)
    {
        var write = new PendingWrite<T>(work);
        bool start;
        lock (_gate)
        {
            _queue.Add(write);
            start = !_draining;
            _draining = true;
        }

        if (start)
        {
            // Off the caller's scheduler: the drain outlives the call that started it and serves other grains' writes.
            _ = Task.Run(Drain);
        }

        return write.Completion;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private async Task Drain()
    {
        while (true)
        {
            List<IPendingWrite> group;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _draining = false;
                    return;
                }

                group = _queue;
                _queue = [];
            }

            await Commit(group);
        }
    }

    private async Task Commit(List<IPendingWrite> group)
    {
        try
        {
            _connection ??= await open();
            await using var tx = await _connection.BeginTransactionAsync();
            foreach (var write in group)
            {
                await tx.SaveAsync(Savepoint);
                try
                {
                    await write.Run(_connection, tx);
                    await tx.ReleaseAsync(Savepoint);
                }
                catch (Exception e)
                {
                    await tx.RollbackAsync(Savepoint);
                    await tx.ReleaseAsync(Savepoint);
                    write.Fail(e);
                }
            }

            await tx.CommitAsync();
        }
        catch (Exception e)
        {
            foreach (var write in group)
            {
                write.Fail(e);
            }

            // The connection may be left mid-transaction or broken; the next group starts on a fresh one.
            var broken = _connection;
            _connection = null;
            if (broken is not null)
            {
                await broken.DisposeAsync();
            }

            return;
        }

        foreach (var write in group)
        {
            write.Committed();
        }
    }

    private interface IPendingWrite
    {
        Task Run(DbConnection connection, DbTransaction tx);

        void Fail(Exception e);

        void Committed();
    }

    private sealed class PendingWrite<T>(Func<DbConnection, DbTransaction, Task<T>> work) : IPendingWrite
    {
        // Continuations run elsewhere: never on the drain, which must go on to the next group.
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Completion => _completion.Task;

        public async Task Run(DbConnection connection, DbTransaction tx) => _result = await work(connection, tx);

        public void Fail(Exception e) => _completion.TrySetException(e);

        public void Committed() => _completion.TrySetResult(_result!);
    }
}
