using CsCheck;
using Villages.Grains.Figures;

namespace Villages.Cluster.Tests.Rollup;

/// <summary>
/// How a figures grain orders the changes to its book once deltas interleave with its other calls: one change at a
/// time, in the order taken, the ones taken while another waits queued behind it, and a failure only its own. Every
/// test runs on a one-at-a-time scheduler, as a grain's calls do.
/// </summary>
public sealed class BookTurnsTests
{
    private static readonly TaskScheduler GrainLike = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;

    private static Task OnGrainLikeScheduler(Func<Task> body) =>
        Task.Factory.StartNew(body, CancellationToken.None, TaskCreationOptions.None, GrainLike).Unwrap();

    [Fact]
    public Task A_change_that_completes_at_once_runs_at_once_and_leaves_the_book_free() => OnGrainLikeScheduler(() =>
    {
        var turns = new BookTurns();
        var ran = false;

        var done = turns.Take(() =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        Assert.True(ran);
        Assert.True(done.IsCompletedSuccessfully);
        Assert.False(turns.Held);
        return Task.CompletedTask;
    });

    [Fact]
    public Task Changes_taken_while_one_waits_run_after_it_in_the_order_they_came() => OnGrainLikeScheduler(async () =>
    {
        var turns = new BookTurns();
        var gate = new TaskCompletionSource();
        var ran = new List<int>();

        var first = turns.Take(async () =>
        {
            ran.Add(1);
            await gate.Task;
        });
        var later = Enumerable.Range(2, 3).Select(i => turns.Take(() =>
        {
            ran.Add(i);
            return Task.CompletedTask;
        })).ToList();

        Assert.Equal([1], ran);
        Assert.True(turns.Held);
        Assert.All(later, t => Assert.False(t.IsCompleted));

        gate.SetResult();
        await Task.WhenAll(later.Prepend(first));
        Assert.Equal([1, 2, 3, 4], ran);
        Assert.False(turns.Held);
    });

    [Fact]
    public Task A_change_that_fails_fails_only_its_own_task() => OnGrainLikeScheduler(async () =>
    {
        var turns = new BookTurns();
        var gate = new TaskCompletionSource();
        var ran = new List<string>();

        var waiting = turns.Take(() => gate.Task);
        var failing = turns.Take(() => throw new InvalidDataException("a bad delta"));
        var after = turns.Take(() =>
        {
            ran.Add("after");
            return Task.CompletedTask;
        });
        gate.SetResult();

        await waiting;
        await Assert.ThrowsAsync<InvalidDataException>(() => failing);
        await after;
        Assert.Equal(["after"], ran);
        Assert.Throws<InvalidDataException>(() => { _ = turns.Take(() => throw new InvalidDataException("at once")); });
        Assert.False(turns.Held);
    });

    [Fact]
    public Task Changes_run_one_at_a_time_in_the_order_taken_whatever_they_wait_for() =>
        // Each change: 0 completes at once, 1 yields, 2 waits a moment on a timer. Between takes the taker itself may yield.
        Gen.Select(Gen.Int[0, 2], Gen.Bool).Array[1, 40].SampleAsync(changes => OnGrainLikeScheduler(async () =>
        {
            var turns = new BookTurns();
            var started = new List<int>();
            var inside = 0;
            var tasks = new List<Task>();
            for (var i = 0; i < changes.Length; i++)
            {
                var (wait, takerYields) = changes[i];
                var index = i;
                tasks.Add(turns.Take(async () =>
                {
                    Assert.Equal(1, ++inside);
                    started.Add(index);
                    await (wait switch { 0 => Task.CompletedTask, 1 => YieldOnce(), _ => Task.Delay(1) });
                    inside--;
                }));
                if (takerYields)
                {
                    await Task.Yield();
                }
            }

            await Task.WhenAll(tasks);
            Assert.Equal(Enumerable.Range(0, changes.Length), started);
            Assert.False(turns.Held);
        }), iter: 200);

    private static async Task YieldOnce() => await Task.Yield();
}

