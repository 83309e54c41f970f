using System.Data.Common;
using System.Net.Sockets;
using Npgsql;
using Villages.Grains.Journal;
using Villages.Hosting.Configuration;
using Villages.Hosting.ReferenceData;

namespace Villages.Hosting.Stores;

/// <summary>
/// Applies the project's schemas (silo-config/sql/{store}) and imports the division names shipped in
/// silo-config/divisions once. Every script is idempotent. The embedded node runs this at each start; a cluster runs
/// it once with `villages db init`, and its silos only check that it was done.
/// </summary>
public static class SchemaInstaller
{
    private static readonly string[] DivisionFiles = ["provinces.csv", "prefectures.csv", "counties.csv", "townships.csv"];

    public static async Task Install(VillagesSettings settings, CancellationToken cancellationToken = default)
    {
        var scripts = StoreLayout.Scripts(settings);
        var journal = StoreLayout.Journal(settings);
        var storage = StoreLayout.GrainStorage(settings);
        await Reach(settings, () => journal.Apply(File.ReadAllText(Path.Combine(scripts, "journal.sql"))));
        if (settings.Store == Store.Sqlite)
        {
            await SqliteGrainStateUpgrade.SetAside(storage);
        }

        await storage.Apply(await File.ReadAllTextAsync(Path.Combine(scripts, "orleans-storage.sql"), cancellationToken));
        if (settings.Store == Store.Sqlite)
        {
            await SqliteGrainStateUpgrade.MoveBack(storage);
        }

        var clustering = Path.Combine(scripts, "orleans-clustering.sql");
        if (File.Exists(clustering))
        {
            await storage.Apply(await File.ReadAllTextAsync(clustering, cancellationToken));
        }

        var store = new SqlJournal(journal);
        if (await store.RegionName("65") is null)
        {
            foreach (var file in DivisionFiles)
            {
                await store.ImportRegions(Divisions.Read(Path.Combine(settings.ConfigFolder, "divisions", file)));
            }
        }
    }

    /// <summary>Fails, naming the setting, when the database cannot be reached or was never initialised.</summary>
    public static async Task Verify(VillagesSettings settings)
    {
        var journal = new SqlJournal(StoreLayout.Journal(settings));
        try
        {
            // The seller counts are the newest table: a journal without them was made by an older `villages db init`.
            await Reach(settings, async () =>
            {
                await journal.LedgerPositions();
                await journal.CountSellers([new JournalScope.Everything()]);
            });
        }
        catch (DbException e)
        {
            throw new SettingsException("Villages:ConnectionString", $"reaches a database without the Villages schema ({e.Message.Split('\n')[0]}); run `villages db init` first");
        }
    }

    private static async Task Reach(VillagesSettings settings, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception e) when (e is SocketException or TimeoutException
            || e is NpgsqlException { InnerException: SocketException or TimeoutException or IOException })
        {
            throw new SettingsException(
                settings.Store == Store.PostgreSql ? "Villages:ConnectionString" : "Villages:DataFolder",
                $"cannot be reached: {e.Message.Split('\n')[0]}");
        }
    }
}
