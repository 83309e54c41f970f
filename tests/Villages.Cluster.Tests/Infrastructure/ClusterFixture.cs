using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;
using Villages.Grains;
using Villages.Hosting;
using Villages.Hosting.Configuration;
using Villages.Hosting.Startup;

namespace Villages.Cluster.Tests.Infrastructure;

/// <summary>
/// A real two-silo Orleans cluster in this process, with the production silo configuration: grain state through
/// Orleans' ADO.NET provider on SQLite and the SQLite journal, both in a fresh temporary data folder.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "villages-cluster-" + Guid.NewGuid().ToString("N"));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var settings = Settings(DataFolder);
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) => silo.AddVillages(settings));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>The production silo configuration over SQLite files in the folder.</summary>
    public static VillagesSettings Settings(string dataFolder) => new()
    {
        DataFolder = dataFolder,
        ConfigFolder = Path.Combine(AppContext.BaseDirectory, "silo-config"),
        JournalConnectionString = $"Data Source={Path.Combine(dataFolder, "journal.db")};Pooling=True",
        GrainStorageConnectionString = $"Data Source={Path.Combine(dataFolder, "grains.db")};Pooling=True",
    };

    /// <summary>
    /// A deployed one-silo cluster of the production configuration over the folder, its grain storage wrapped (to watch
    /// or hold its calls), with anything more configured on the silo.
    /// </summary>
    public static async Task<InProcessTestCluster> OneSilo(string dataFolder, Func<IGrainStorage, IGrainStorage> aroundStorage, Action<ISiloBuilder>? more = null)
    {
        var settings = Settings(dataFolder);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddVillages(settings);
            more?.Invoke(silo);
            silo.Services.AddGrainStorage(StorageNames.Villages, (sp, _) =>
                aroundStorage(new SingleWriterGrainStorage(sp.GetRequiredKeyedService<IGrainStorage>(StorageNames.Villages + "-sqlite"))));
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Forces a collection and waits (within bounds) until the grain's deactivation, which writes its checkpoint, is done.</summary>
    public async Task<HashSet<GrainId>> CollectUntilGone(IAddressable grain)
    {
        var management = Grains.GetGrain<IManagementGrain>(0);
        var id = grain.GetGrainId();
        await management.ForceActivationCollection(TimeSpan.Zero);
        HashSet<GrainId> active = [];
        for (var attempt = 0; attempt < 100; attempt++)
        {
            active = [.. await management.GetActiveGrains(id.Type)];
            if (!active.Contains(id))
            {
                break;
            }

            await Task.Delay(100);
        }

        return active;
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pooled connection; the folder is under the temp path.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "two-silo cluster";
}
