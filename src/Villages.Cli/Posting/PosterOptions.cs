namespace Villages.Cli.Posting;

/// <summary>How the scenario is sent: batch size, retry bound and backoff, and how many requests are in flight.</summary>
public sealed record PosterOptions
{
    /// <summary>The API takes up to 10,000 lines; half that keeps each request well under its limits and quick to retry.</summary>
    public const int MaxBatchSize = 5_000;

    public static PosterOptions Default { get; } = new();

    public int BatchSize { get; init; } = MaxBatchSize;

    /// <summary>Tries per request, the first included; resending is safe because every line has an idempotency key.</summary>
    public int MaxAttempts { get; init; } = 8;

    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    public int Parallelism { get; init; } = 4;

    /// <summary>Where progress lines go (the CLI passes the console); null for none.</summary>
    public Action<string>? Progress { get; init; }

    internal void Validate()
    {
        if (BatchSize is < 1 or > MaxBatchSize)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, $"A batch holds 1 to {MaxBatchSize} lines.");
        }

        if (MaxAttempts < 1 || Parallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), "MaxAttempts and Parallelism must be at least 1.");
        }
    }
}
