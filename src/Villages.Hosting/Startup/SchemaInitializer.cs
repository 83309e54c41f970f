using Microsoft.Data.Sqlite;
using Villages.Grains.Journal;
using Villages.Hosting.Configuration;
using Villages.Hosting.ReferenceData;

namespace Villages.Hosting.Startup;

/// <summary>
/// Before any grain runs (and before the storage provider reads its queries), applies the schemas from
/// silo-config/sql and imports the division names shipped in silo-config/divisions once.
/// </summary>
internal sealed class SchemaInitializer(VillagesSettings settings, JournalDatabase journal) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaInitializer), ServiceLifecycleStage.RuntimeInitialize, Start);

    private async Task Start(CancellationToken cancellationToken)
    {
        var sql = Path.Combine(settings.ConfigFolder, "sql", "sqlite");
        await journal.Apply(await File.ReadAllTextAsync(Path.Combine(sql, "journal.sql"), cancellationToken));
        var storage = new JournalDatabase(SqliteFactory.Instance, settings.GrainStorageConnectionString);
        await storage.Apply(await File.ReadAllTextAsync(Path.Combine(sql, "orleans-storage.sql"), cancellationToken));

        var store = new SqlJournal(journal);
        if (await store.RegionName("65") is null)
        {
            var divisions = Path.Combine(settings.ConfigFolder, "divisions");
            foreach (var file in new[] { "provinces.csv", "prefectures.csv", "counties.csv", "townships.csv" })
            {
                await store.ImportRegions(Divisions.Read(Path.Combine(divisions, file)));
            }
        }
    }
}
