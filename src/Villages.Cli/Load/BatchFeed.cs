using System.Threading.Channels;

namespace Villages.Cli.Load;

/// <summary>
/// Makes the request bodies on a thread of their own into a bounded queue, and lets the run wait until the queue is
/// full (or the whole run is made) before it starts the clock: on a two-core machine the generator's CPU would
/// otherwise be measured as the node's slowness. Memory stays bounded by the queue whatever the run's length.
/// </summary>
internal sealed class BatchFeed
{
    /// <summary>At most this much of bodies is made ahead: 200,000 lines take about 50 MB, so typical runs fit whole.</summary>
    public const long BufferBytes = 512L * 1024 * 1024;

    // A sale line is about 250 bytes of JSON; a little more keeps the estimate on the safe side.
    private const int BytesPerLine = 300;

    private readonly Channel<LoadBatch> _channel;
    private long _lines;
    private long _bytes;

    private BatchFeed(int capacity)
    {
        Capacity = capacity;
        _channel = Channel.CreateBounded<LoadBatch>(new BoundedChannelOptions(capacity) { SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        Producer = Task.CompletedTask;
    }

    public int Capacity { get; }

    public ChannelReader<LoadBatch> Reader => _channel.Reader;

    public Task Producer { get; private set; }

    public long Lines => Interlocked.Read(ref _lines);

    public long Bytes => Interlocked.Read(ref _bytes);

    public static int CapacityFor(int batchSize, long? count)
    {
        var fits = Math.Max(2, BufferBytes / ((long)batchSize * BytesPerLine));
        var batches = count is { } c ? (c + batchSize - 1) / batchSize : long.MaxValue;
        return (int)Math.Min(Math.Min(fits, batches), int.MaxValue);
    }

    /// <summary>Starts making <paramref name="batches"/>; <paramref name="stop"/> ends it early (the run's duration is up).</summary>
    public static BatchFeed Start(IEnumerable<LoadBatch> batches, int capacity, CancellationToken stop)
    {
        var feed = new BatchFeed(capacity);
        feed.Producer = Task.Run(() => feed.Produce(batches, stop), CancellationToken.None);
        return feed;
    }

    /// <summary>Returns once the queue is full or every batch is made.</summary>
    public async Task FillAsync(CancellationToken ct)
    {
        while (!Producer.IsCompleted && _channel.Reader.Count < Capacity)
        {
            await Task.Delay(5, ct);
        }

        if (Producer.IsFaulted)
        {
            await Producer;
        }
    }

    private async Task Produce(IEnumerable<LoadBatch> batches, CancellationToken stop)
    {
        Exception? failure = null;
        try
        {
            foreach (var batch in batches)
            {
                await _channel.Writer.WriteAsync(batch, stop);
                Interlocked.Add(ref _lines, batch.Lines);
                Interlocked.Add(ref _bytes, batch.Body.Length);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            failure = e;
            throw;
        }
        finally
        {
            _channel.Writer.TryComplete(failure);
        }
    }
}
