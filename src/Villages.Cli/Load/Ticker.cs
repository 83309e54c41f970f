namespace Villages.Cli.Load;

/// <summary>Runs an action on a period until cancelled: the progress lines, which must never flood the console.</summary>
internal static class Ticker
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    public static async Task Every(TimeSpan period, Action tick, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                tick();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
