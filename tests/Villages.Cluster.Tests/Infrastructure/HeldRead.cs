namespace Villages.Cluster.Tests.Infrastructure;

/// <summary>
/// Holds the answer of one journal read, made at once, until the test releases it: a query whose read is held can be
/// shown what it promises about lines acknowledged meanwhile. Armed by <see cref="HoldNext"/>, taken by the journal proxy
/// of the test (<see cref="InterceptedJournal"/>) through <see cref="TakeArmed"/> and <see cref="WhenReleased"/>.
/// </summary>
public sealed class HeldRead
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource? _armed;

    /// <summary>Holds the answer of the next read; the task completes once that read is done.</summary>
    public Task HoldNext()
    {
        var read = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _armed, read);
        return read.Task;
    }

    public void Release() => _release.TrySetResult();

    /// <summary>The armed hold, if there is one, disarmed: only one read is held.</summary>
    public TaskCompletionSource? TakeArmed() => Interlocked.Exchange(ref _armed, null);

    /// <summary>The read's rows, answered only once released; <paramref name="read"/> completes as soon as they are read.</summary>
    public async Task<T> WhenReleased<T>(Task<T> reading, TaskCompletionSource read)
    {
        var rows = await reading;
        read.SetResult();
        await _release.Task;
        return rows;
    }
}
