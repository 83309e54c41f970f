using Villages.Cli.Reference;
using Villages.Hosting.Configuration;
using Villages.Hosting.Stores;

namespace Villages.Cli.CommandLine;

/// <summary>
/// `villages db init`: installs the cluster's schema (journal, Orleans grain storage and membership) in PostgreSQL and
/// imports the division names, idempotently, so it can run before every deployment.
/// </summary>
internal static class DbInit
{
    public static readonly IReadOnlySet<string> Valued = new HashSet<string> { "connection-string", "config-folder" };

    public static async Task<int> Run(Arguments a, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var connection = a.Value("connection-string")
            ?? Environment.GetEnvironmentVariable("Villages__ConnectionString")
            ?? throw new UsageException("--connection-string is required (or the Villages__ConnectionString environment variable)");
        var settings = new VillagesSettings
        {
            Store = Store.PostgreSql,
            DataFolder = Directory.GetCurrentDirectory(),
            ConfigFolder = ConfigFolder.Locate(a.Value("config-folder")),
            JournalConnectionString = connection,
            GrainStorageConnectionString = connection,
        };
        try
        {
            await SchemaInstaller.Install(settings, ct);
        }
        catch (SettingsException e)
        {
            stderr.WriteLine($"villages: {e.Message}");
            return CliApp.BadConfiguration;
        }

        stdout.WriteLine($"The Villages schema is installed ({StoreLayout.Scripts(settings)}).");
        return CliApp.Ok;
    }
}
