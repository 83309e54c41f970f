using Villages.Grains.Ledger;

namespace Villages.Cluster.Tests.Rollup;

/// <summary>How a ledger sends a window's deltas: each once, in order, never more than the limit unanswered.</summary>
public class BoundedSendsTests
{
    [Theory]
    [InlineData(0, 4)]
    [InlineData(3, 4)]
    [InlineData(50, 4)]
    [InlineData(50, 1)]
    public async Task Every_item_is_sent_once_in_order_with_at_most_the_limit_unanswered(int count, int limit)
    {
        var started = new List<int>();
        var unanswered = 0;
        var mostUnanswered = 0;
        var gate = new Lock();
        // No answer comes before as many sends as may be unanswered have started, so that reaching the limit does not
        // depend on how fast the machine runs the first ones (a loaded machine answered one before the third began).
        var limitReached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await BoundedSends.ForEach(Enumerable.Range(0, count).ToList(), limit, async i =>
        {
            lock (gate)
            {
                started.Add(i);
                mostUnanswered = Math.Max(mostUnanswered, ++unanswered);
                if (started.Count == Math.Min(count, limit))
                {
                    limitReached.TrySetResult();
                }
            }

            // A sender that never lets that many out at once fails here instead of hanging.
            await limitReached.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await Task.Delay(Random.Shared.Next(1, 4));
            lock (gate)
            {
                unanswered--;
            }
        });

        Assert.Equal(Enumerable.Range(0, count), started.Order());
        Assert.Equal(Math.Min(count, limit), mostUnanswered);
        // Taken in order: whatever started k-th is among the first k + limit items.
        Assert.All(started.Select((item, k) => (item, k)), s => Assert.True(s.item < s.k + limit));
    }

    [Fact]
    public async Task After_a_failure_no_further_item_is_sent_and_the_failure_is_thrown()
    {
        var sent = 0;
        var failure = new InvalidOperationException("target unreachable");

        // On a one-at-a-time scheduler, as a ledger grain's is: on the thread pool the failing send's continuation may
        // wait behind any number of the other senders' turns, so no bound on what they start in between would hold.
        var grainLike = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => Task.Factory.StartNew(
            () => BoundedSends.ForEach(Enumerable.Range(0, 1_000).ToList(), 4, async i =>
            {
                sent++;
                await Task.Yield();
                if (i == 10)
                {
                    throw failure;
                }
            }),
            CancellationToken.None,
            TaskCreationOptions.None,
            grainLike).Unwrap());

        Assert.Same(failure, thrown);
        // Item 10, and at most one more from each of the three senders beside it, whose turns came before its own.
        Assert.InRange(sent, 11, 10 + 1 + 3);
    }

    [Fact]
    public async Task On_the_thread_pool_a_failure_also_stops_the_sending()
    {
        var sent = 0;
        var failure = new InvalidOperationException("target unreachable");

        // Many items: a loaded CI machine can hold the failing sender's thread off a core while the others run a
        // thousand turns (it did, sending all 1,000 of an earlier form of this test).
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => BoundedSends.ForEach(Enumerable.Range(0, 100_000).ToList(), 4, async i =>
        {
            Interlocked.Increment(ref sent);
            await Task.Yield();
            if (i == 10)
            {
                throw failure;
            }
        }));

        Assert.Same(failure, thrown);
        // No bound holds here on how many start before the failing send's continuation runs (see above), only that
        // the senders stop once they see it rather than going through all the items.
        Assert.InRange(sent, 11, 99_999);
    }
}
