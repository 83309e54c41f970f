using Microsoft.Extensions.Configuration;

namespace Villages.Hosting.Configuration;

/// <summary>Where everything is kept: SQLite files in a data folder (one node), or one PostgreSQL database (a cluster).</summary>
public enum Store
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// The "Villages" section of the settings (with cluster identity from "Orleans"). Embedded mode keeps everything
/// under one data folder; cluster mode keeps journal, grain state and membership in one PostgreSQL database.
/// </summary>
public sealed class VillagesSettings
{
    public Store Store { get; init; } = Store.Sqlite;

    public required string DataFolder { get; init; }

    public required string ConfigFolder { get; init; }

    /// <summary>SQLite: the journal file's connection string; PostgreSQL: the database's.</summary>
    public required string JournalConnectionString { get; init; }

    /// <summary>SQLite: the grain-state file's connection string; PostgreSQL: the same database.</summary>
    public required string GrainStorageConnectionString { get; init; }

    public string ClusterId { get; init; } = "villages-embedded";

    public string ServiceId { get; init; } = "villages";

    /// <summary>
    /// Reads the settings, with the data folder taken from, in order: the --data option, the VILLAGES_DATA environment
    /// variable, Villages:DataFolder, and ./data. A missing or malformed setting is a <see cref="SettingsException"/>
    /// that names it.
    /// </summary>
    public static VillagesSettings From(IConfiguration configuration, string? dataOverride = null)
    {
        var section = configuration.GetSection("Villages");
        var data = Path.GetFullPath(dataOverride
            ?? Environment.GetEnvironmentVariable("VILLAGES_DATA")
            ?? section["DataFolder"]
            ?? "./data");
        var config = section["ConfigFolder"] ?? Path.Combine(AppContext.BaseDirectory, "silo-config");
        var store = section["Store"] switch
        {
            null or "sqlite" => Store.Sqlite,
            "postgresql" => Store.PostgreSql,
            var other => throw new SettingsException("Villages:Store", $"'{other}' is not a store; use sqlite or postgresql"),
        };
        string journal, grains;
        if (store == Store.PostgreSql)
        {
            journal = grains = section["ConnectionString"] is { Length: > 0 } cs
                ? cs
                : throw new SettingsException("Villages:ConnectionString", "is required when Villages:Store is postgresql (e.g. Host=127.0.0.1;Port=5432;Database=villages;Username=villages)");
        }
        else
        {
            journal = section["Journal:ConnectionString"] ?? $"Data Source={Path.Combine(data, "journal.db")};Pooling=True";
            grains = section["GrainStorage:ConnectionString"] ?? $"Data Source={Path.Combine(data, "grains.db")};Pooling=True";
        }

        return new VillagesSettings
        {
            Store = store,
            DataFolder = data,
            ConfigFolder = config,
            JournalConnectionString = journal,
            GrainStorageConnectionString = grains,
            ClusterId = configuration["Orleans:ClusterId"] ?? "villages-embedded",
            ServiceId = configuration["Orleans:ServiceId"] ?? "villages",
        };
    }
}

/// <summary>A setting that is missing or wrong, said in one line naming it.</summary>
public sealed class SettingsException(string setting, string problem) : Exception($"{setting} {problem}")
{
    public string Setting { get; } = setting;
}
