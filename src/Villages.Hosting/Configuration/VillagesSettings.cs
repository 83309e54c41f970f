using Microsoft.Extensions.Configuration;

namespace Villages.Hosting.Configuration;

/// <summary>
/// The "Villages" section of the settings. Embedded mode keeps everything under one data folder; the journal and
/// the grain storage can each be pointed elsewhere by provider invariant and connection string.
/// </summary>
public sealed class VillagesSettings
{
    public const string SqliteInvariant = "Microsoft.Data.Sqlite";

    public required string DataFolder { get; init; }

    public required string ConfigFolder { get; init; }

    public required string JournalConnectionString { get; init; }

    public required string GrainStorageConnectionString { get; init; }

    public string ClusterId { get; init; } = "villages-embedded";

    public string ServiceId { get; init; } = "villages";

    /// <summary>
    /// Reads the settings, with the data folder taken from, in order: the --data option (as Villages:DataFolder on the
    /// command line), the VILLAGES_DATA environment variable, the settings file, and ./data.
    /// </summary>
    public static VillagesSettings From(IConfiguration configuration, string? dataOverride = null)
    {
        var section = configuration.GetSection("Villages");
        var data = Path.GetFullPath(dataOverride
            ?? Environment.GetEnvironmentVariable("VILLAGES_DATA")
            ?? section["DataFolder"]
            ?? "./data");
        var config = section["ConfigFolder"] ?? Path.Combine(AppContext.BaseDirectory, "silo-config");
        return new VillagesSettings
        {
            DataFolder = data,
            ConfigFolder = config,
            JournalConnectionString = section["Journal:ConnectionString"] ?? $"Data Source={Path.Combine(data, "journal.db")};Pooling=True",
            GrainStorageConnectionString = section["GrainStorage:ConnectionString"] ?? $"Data Source={Path.Combine(data, "grains.db")};Pooling=True",
            ClusterId = configuration["Orleans:ClusterId"] ?? "villages-embedded",
            ServiceId = configuration["Orleans:ServiceId"] ?? "villages",
        };
    }
}
