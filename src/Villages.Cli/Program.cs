using Villages.Cli.CommandLine;

namespace Villages.Cli;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // Stop sending at once; what was acknowledged stays, and a rerun resends the rest safely.
            e.Cancel = true;
            cancel.Cancel();
        };
        return await CliApp.RunAsync(args, Console.Out, Console.Error, null, cancel.Token);
    }
}
