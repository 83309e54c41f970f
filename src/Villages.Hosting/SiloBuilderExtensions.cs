using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Villages.Domain.Income;
using Villages.Grains;
using Villages.Grains.Journal;
using Villages.Grains.Ledger;
using Villages.Hosting.Configuration;
using Villages.Hosting.Startup;
using Villages.Hosting.Stores;

namespace Villages.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// Everything a Villages silo needs: grain storage through Orleans' ADO.NET provider, the journal, reference data,
    /// and the ledger keeper. Clustering and cluster identity are the caller's choice (localhost for the embedded node,
    /// ADO.NET membership for a cluster, a test cluster, ...).
    /// </summary>
    public static ISiloBuilder AddVillages(this ISiloBuilder silo, VillagesSettings settings)
    {
        var invariant = StoreLayout.OrleansInvariant(settings.Store);
        var providerName = settings.Store == Store.Sqlite ? StorageNames.Villages + "-sqlite" : StorageNames.Villages;
        silo.AddAdoNetGrainStorage(providerName, options => options.Configure<Serializer>((o, serializer) =>
        {
            o.Invariant = invariant;
            o.ConnectionString = settings.GrainStorageConnectionString;

            // Orleans' binary serializer: the default JSON one would base64 every checkpoint and double its size.
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
        if (settings.Store == Store.Sqlite)
        {
            Directory.CreateDirectory(settings.DataFolder);
            silo.Services.AddGrainStorage(StorageNames.Villages, (sp, _) => new SingleWriterGrainStorage(sp.GetRequiredKeyedService<IGrainStorage>(providerName)));
        }

        var povertyLines = PovertyLines.Parse(File.ReadAllText(Path.Combine(settings.ConfigFolder, "poverty-lines.csv")));
        silo.Services.AddSingleton(settings);
        silo.Services.AddSingleton(StoreLayout.Journal(settings));
        silo.Services.AddSingleton<IJournal, SqlJournal>();
        silo.Services.AddSingleton<RollupTargets>();
        silo.Services.AddSingleton(povertyLines);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SchemaInitializer>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, LedgerKeeper>();
        silo.Services.AddStoreExceptions();
        return silo;
    }

    /// <summary>Membership and the gateway list in the cluster's database, through Orleans' ADO.NET clustering provider.</summary>
    public static ISiloBuilder UseVillagesClustering(this ISiloBuilder silo, VillagesSettings settings) =>
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = StoreLayout.OrleansInvariant(settings.Store);
            o.ConnectionString = settings.GrainStorageConnectionString;
        });

    /// <summary>A client (the gateway in cluster mode) finds silos through the same membership table.</summary>
    public static IClientBuilder UseVillagesClustering(this IClientBuilder client, VillagesSettings settings)
    {
        client.Services.AddStoreExceptions();
        return client.UseAdoNetClustering(o =>
        {
            o.Invariant = StoreLayout.OrleansInvariant(settings.Store);
            o.ConnectionString = settings.GrainStorageConnectionString;
        });
    }

    /// <summary>
    /// A database failure inside a grain must reach the gateway as what it is (so it can answer 503 and the client can
    /// retry); Orleans only carries exception types from namespaces it is told about.
    /// </summary>
    private static void AddStoreExceptions(this IServiceCollection services) =>
        services.Configure<ExceptionSerializationOptions>(o =>
        {
            o.SupportedNamespacePrefixes.Add("Npgsql");
            o.SupportedNamespacePrefixes.Add("Microsoft.Data.Sqlite");
        });
}
