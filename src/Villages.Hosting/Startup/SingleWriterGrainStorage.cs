using Orleans.Storage;

namespace Villages.Hosting.Startup;

/// <summary>
/// SQLite takes one writer at a time and makes the others wait by sleeping a thread-pool thread
/// (Microsoft.Data.Sqlite retries SQLITE_BUSY with Thread.Sleep). Queueing writes here, asynchronously, costs
/// nothing SQLite would not have cost anyway and keeps the thread pool free for the grains. Reads pass straight through.
/// Writes run on the thread pool: Microsoft.Data.Sqlite executes its "async" commands synchronously, on the caller's
/// thread, which was the grain's: the nation's checkpoint (31 MB) held its queries for a second under ingest.
/// </summary>
internal sealed class SingleWriterGrainStorage(IGrainStorage inner) : IGrainStorage
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _writer.WaitAsync();
        try
        {
            await Task.Run(() => inner.WriteStateAsync(stateName, grainId, grainState));
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _writer.WaitAsync();
        try
        {
            await Task.Run(() => inner.ClearStateAsync(stateName, grainId, grainState));
        }
        finally
        {
            _writer.Release();
        }
    }
}
