using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Villages.Domain.Income;
using Villages.Grains;
using Villages.Grains.Journal;
using Villages.Hosting.Configuration;
using Villages.Hosting.Startup;

namespace Villages.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>The provider invariant under which Orleans' ADO.NET storage serves SQLite (through Microsoft.Data.Sqlite).</summary>
    public const string OrleansSqliteInvariant = "System.Data.SQLite";

    /// <summary>WAL commits reach the log file before they return, which survives the death of the process.</summary>
    private const string SqliteSession = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";

    /// <summary>
    /// Everything a Villages silo needs: grain storage through Orleans' ADO.NET provider, the journal, reference data,
    /// and the ledger keeper. Clustering and cluster identity are the caller's choice (localhost for the embedded node, a test cluster, ...).
    /// </summary>
    public static ISiloBuilder AddVillages(this ISiloBuilder silo, VillagesSettings settings)
    {
        Directory.CreateDirectory(settings.DataFolder);
        const string sqliteStore = StorageNames.Villages + "-sqlite";
        silo.AddAdoNetGrainStorage(sqliteStore, options => options.Configure<Serializer>((o, serializer) =>
        {
            o.Invariant = OrleansSqliteInvariant;
            o.ConnectionString = settings.GrainStorageConnectionString;

            // Orleans' binary serializer: the default JSON one would base64 every checkpoint and double its size.
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
        silo.Services.AddGrainStorage(StorageNames.Villages, (sp, _) => new SingleWriterGrainStorage(sp.GetRequiredKeyedService<IGrainStorage>(sqliteStore)));

        var journal = new JournalDatabase(SqliteFactory.Instance, settings.JournalConnectionString, SqliteSession, singleWriter: true);
        var povertyLines = PovertyLines.Parse(File.ReadAllText(Path.Combine(settings.ConfigFolder, "poverty-lines.csv")));
        silo.Services.AddSingleton(settings);
        silo.Services.AddSingleton(journal);
        silo.Services.AddSingleton<IJournal, SqlJournal>();
        silo.Services.AddSingleton(povertyLines);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SchemaInitializer>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, LedgerKeeper>();
        return silo;
    }
}
