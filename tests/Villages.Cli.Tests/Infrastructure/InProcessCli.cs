using Villages.Cli.CommandLine;

namespace Villages.Cli.Tests.Infrastructure;

/// <summary>Runs the CLI in-process and returns its exit code and what it wrote.</summary>
public static class InProcessCli
{
    public static async Task<(int Code, string Output, string Errors)> Run(Func<Uri, HttpClient>? clientFor, params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await CliApp.RunAsync(args, output, errors, clientFor);
        return (code, output.ToString(), errors.ToString());
    }

    public static Task<(int Code, string Output, string Errors)> Run(params string[] args) => Run(null, args);
}
