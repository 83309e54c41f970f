using Villages.Cli.Posting;
using Villages.Cli.Scenarios;

namespace Villages.Cli.CommandLine;

/// <summary>
/// The whole CLI as a method, so tests run it in-process: output goes to the given writers and the HTTP client
/// comes from the given factory (a test server's), else a plain one for the --url.
/// </summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;
    public const int BadConfiguration = 3;

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Func<Uri, HttpClient>? clientFor = null, CancellationToken ct = default)
    {
        try
        {
            var command = args.Count == 0 ? "help" : args[0];
            switch (command)
            {
                case "help" or "--help" or "-h":
                    stdout.WriteLine(Usage.Text);
                    return Ok;
                case "db" when args.Count > 1 && args[1] == "init":
                    return await DbInit.Run(Arguments.Parse(args.Skip(1).ToList(), DbInit.Valued, new HashSet<string>()), stdout, stderr, ct);
                case "scenario":
                    return await RunScenario(ScenarioArguments.From(Arguments.Parse(args, ScenarioArguments.Valued, ScenarioArguments.Flags)), stdout, clientFor, ct);
                case "load":
                    return await LoadCommand.RunAsync(LoadArguments.From(Arguments.Parse(args, LoadArguments.Valued, LoadArguments.Flags)), stdout, clientFor, ct);
                default:
                    throw new UsageException($"unknown command '{command}'");
            }
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"villages: {e.Message}");
            stderr.WriteLine();
            stderr.WriteLine(Usage.Text);
            return BadUsage;
        }
        catch (Exception e) when (e is IOException and not HttpIOException or InvalidDataException or ScaleTooSmallException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"villages: {e.Message}");
            return BadConfiguration;
        }
        catch (ScenarioPostException e)
        {
            stderr.WriteLine($"villages: {e.Message}");
            return Failed;
        }
    }

    private static async Task<int> RunScenario(ScenarioArguments a, TextWriter stdout, Func<Uri, HttpClient>? clientFor, CancellationToken ct)
    {
        var plan = Scenario.Generate(a.Scenario);
        Summary.Plan(stdout, plan);
        if (a.DryRun)
        {
            return Ok;
        }

        stdout.WriteLine($"Posting to {a.Url} …");
        using var client = clientFor?.Invoke(a.Url) ?? new HttpClient { BaseAddress = a.Url, Timeout = TimeSpan.FromMinutes(2) };
        var options = new PosterOptions { BatchSize = a.BatchSize, Parallelism = a.Parallelism, Progress = line => stdout.WriteLine($"  {line}") };
        var report = await ScenarioPoster.PostAsync(client, plan, options, ct);
        Summary.Posted(stdout, report);
        if (!a.Verify)
        {
            return Ok;
        }

        var figures = await ScenarioCheck.RunAsync(client, plan.ExpectedFigures, ct);
        Summary.Checked(stdout, figures);
        return figures.All(f => f.Ok) ? Ok : Failed;
    }
}
