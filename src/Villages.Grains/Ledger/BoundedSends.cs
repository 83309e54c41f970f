namespace Villages.Grains.Ledger;

/// <summary>
/// Sends a roll-up window's deltas with at most a given number unanswered. A fixed set of senders each takes the next
/// delta when its last is answered: waiting instead for any one of a thousand tasks in flight (Task.WhenAny) hooked a
/// continuation onto every one of them for each delta sent, which the profile of a busy node showed.
/// </summary>
internal static class BoundedSends
{
    /// <summary>
    /// Calls <paramref name="send"/> once for each item in order, at most <paramref name="limit"/> at a time. After a
    /// send fails no further one is started; the first failure is thrown once those in flight have ended.
    /// </summary>
    public static async Task ForEach<T>(IReadOnlyList<T> items, int limit, Func<T, Task> send)
    {
        // Interlocked, so that the senders may also run on a free-threaded scheduler (a grain's runs one at a time).
        var next = -1;
        var failed = false;

        async Task Sender()
        {
            int i;
            while (!Volatile.Read(ref failed) && (i = Interlocked.Increment(ref next)) < items.Count)
            {
                try
                {
                    await send(items[i]);
                }
                catch
                {
                    Volatile.Write(ref failed, true);
                    throw;
                }
            }
        }

        var senders = new Task[Math.Min(limit, items.Count)];
        for (var s = 0; s < senders.Length; s++)
        {
            senders[s] = Sender();
        }

        await Task.WhenAll(senders);
    }
}
