namespace Villages.Grains.Figures;

/// <summary>
/// Takes the changes to a figures book one at a time, in the order they came, without holding up its queries. A change
/// that completes at once (a delta applied in place) runs at once; one that has to wait (a journal read, or a
/// checkpoint writing a big book out on another thread) holds the book, and the changes that come meanwhile queue
/// behind it while queries go on reading the book as it was. Lives on the grain's scheduler, as the book does: it
/// orders changes, it does not make the book thread-safe.
/// </summary>
public sealed class BookTurns
{
    private Queue<(Func<Task> Change, TaskCompletionSource Done)>? _waiting;

    /// <summary>Whether a change is waiting on something right now, so that a new one would queue.</summary>
    public bool Held => _waiting is not null;

    /// <summary>Runs the change after every change taken before it; the task completes when this one has run.</summary>
    public Task Take(Func<Task> change)
    {
        if (_waiting is not null)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue((change, done));
            return done.Task;
        }

        _waiting = new();
        Task started;
        try
        {
            started = change();
        }
        catch
        {
            _waiting = null;
            throw;
        }

        if (started.IsCompleted)
        {
            // Nothing can have queued: the change ran to its end without giving up the grain's thread.
            _waiting = null;
            return started;
        }

        return FinishThenRunWaiting(started);
    }

    private async Task FinishThenRunWaiting(Task started)
    {
        try
        {
            await started;
        }
        finally
        {
            await RunWaiting();
        }
    }

    private async Task RunWaiting()
    {
        while (_waiting!.TryDequeue(out var next))
        {
            try
            {
                await next.Change();
                next.Done.SetResult();
            }
            catch (Exception e)
            {
                next.Done.SetException(e);
            }
        }

        _waiting = null;
    }
}
