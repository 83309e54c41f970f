namespace Villages.Cli.Posting;

/// <summary>Counters shared by concurrent requests, hence Interlocked.</summary>
internal sealed class Tally
{
    private readonly long[] _sent = new long[3];
    private readonly long[] _accepted = new long[3];
    private readonly long[] _duplicates = new long[3];
    private int _sellersCreated;
    private int _sellersExisting;
    private int _batches;
    private int _retries;

    public enum Kind
    {
        Sales,
        Refunds,
        Income,
    }

    public long Sent(Kind kind) => Interlocked.Read(ref _sent[(int)kind]);

    public void Batch(Kind kind, int sent, int accepted, int duplicates)
    {
        Interlocked.Add(ref _sent[(int)kind], sent);
        Interlocked.Add(ref _accepted[(int)kind], accepted);
        Interlocked.Add(ref _duplicates[(int)kind], duplicates);
        Interlocked.Increment(ref _batches);
    }

    public void Seller(bool created) => Interlocked.Increment(ref created ? ref _sellersCreated : ref _sellersExisting);

    public void Retry() => Interlocked.Increment(ref _retries);

    public int Retries => Volatile.Read(ref _retries);

    public ScenarioReport Report(string? settledAsOf, TimeSpan elapsed) =>
        new(_sellersCreated, _sellersExisting, Counts(Kind.Sales), Counts(Kind.Refunds), Counts(Kind.Income), _batches, _retries, settledAsOf, elapsed);

    private LineCounts Counts(Kind kind) => new(_sent[(int)kind], _accepted[(int)kind], _duplicates[(int)kind]);
}
