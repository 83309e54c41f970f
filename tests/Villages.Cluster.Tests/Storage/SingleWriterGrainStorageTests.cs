using Orleans.Storage;
using Villages.Hosting.Startup;

namespace Villages.Cluster.Tests.Storage;

/// <summary>
/// The embedded node's grain storage: one SQLite write at a time, each on the thread pool, never on the calling
/// grain's scheduler (Microsoft.Data.Sqlite runs its "async" commands synchronously, and a grain whose thread is
/// inside a 31 MB write answers no query).
/// </summary>
public sealed class SingleWriterGrainStorageTests
{
    private static readonly GrainId Grain = GrainId.Create("test", "grain");

    [Fact]
    public async Task Writes_and_clears_run_on_the_thread_pool_not_on_the_calling_grains_scheduler()
    {
        var inner = new RecordingStorage();
        var storage = new SingleWriterGrainStorage(inner);
        var grainLike = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;

        await Task.Factory.StartNew(
            async () =>
            {
                await storage.WriteStateAsync("state", Grain, new GrainState<int>(1));
                await storage.ClearStateAsync("state", Grain, new GrainState<int>(1));
            },
            CancellationToken.None,
            TaskCreationOptions.None,
            grainLike).Unwrap();

        Assert.Equal([TaskScheduler.Default, TaskScheduler.Default], inner.RanOn);
    }

    [Fact]
    public async Task A_write_waits_for_the_write_before_it()
    {
        var inner = new RecordingStorage { Gate = new TaskCompletionSource() };
        var storage = new SingleWriterGrainStorage(inner);

        var first = storage.WriteStateAsync("state", Grain, new GrainState<int>(1));
        await inner.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var second = storage.WriteStateAsync("state", Grain, new GrainState<int>(2));
        await Task.Delay(50);

        Assert.Equal(1, inner.Calls);
        inner.Gate.SetResult();
        await Task.WhenAll(first, second);
        Assert.Equal(2, inner.Calls);
    }

    private sealed class RecordingStorage : IGrainStorage
    {
        private int _calls;

        public List<TaskScheduler> RanOn { get; } = [];

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource? Gate { get; init; }

        public int Calls => Volatile.Read(ref _calls);

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Record();

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Record();

        private Task Record()
        {
            lock (RanOn)
            {
                RanOn.Add(TaskScheduler.Current);
            }

            Interlocked.Increment(ref _calls);
            Started.TrySetResult();
            return Gate?.Task ?? Task.CompletedTask;
        }
    }
}
