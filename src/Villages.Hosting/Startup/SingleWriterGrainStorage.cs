using Orleans.Storage;

namespace Villages.Hosting.Startup;

/// <summary>
/// SQLite takes one writer at a time and makes the others wait by sleeping a thread-pool thread
/// (Microsoft.Data.Sqlite retries SQLITE_BUSY with Thread.Sleep). Queueing writes here, asynchronously, costs
/// nothing SQLite would not have cost anyway and keeps the thread pool free for the grains. Reads pass straight through.
/// Writes run on the thread pool: Microsoft.Data.Sqlite executes its "async" commands synchronously, on the caller's
/// thread, which was the grain's: the nation's checkpoint (31 MB) held its queries for a second under ingest. Nor
/// does the lock wait for the calling grain's thread to come back before it is released (ConfigureAwait(false)): a
/// busy nation would otherwise hold up every ledger's small write behind it.
/// </summary>
internal sealed class SingleWriterGrainStorage(IGrainStorage inner) : IGrainStorage
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        OneAtATime(() => inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        OneAtATime(() => inner.ClearStateAsync(stateName, grainId, grainState));

    private async Task OneAtATime(Func<Task> change)
    {
        await _writer.WaitAsync().ConfigureAwait(false);
        try
        {
            await Task.Run(change).ConfigureAwait(false);
        }
        finally
        {
            _writer.Release();
        }
    }
}
