using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Villages.Postgres.Tests.Grains;

namespace Villages.Postgres.Tests.Infrastructure;

/// <summary>Real silo and client hosts on loopback TCP, configured as a Villages cluster would be: everything in PostgreSQL.</summary>
public static class Silos
{
    public const string Invariant = "Npgsql";

    public static void AddStorage(ISiloBuilder silo, string connectionString, string name = ProbeStorage.Name, bool deleteStateOnClear = false) =>
        silo.AddAdoNetGrainStorage(name, options => options.Configure<Serializer>((o, serializer) =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
            o.DeleteStateOnClear = deleteStateOnClear;
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));

    /// <summary>A silo that finds its peers, and announces itself, through the ADO.NET membership table.</summary>
    public static async Task<IHost> StartSilo(string connectionString, string clusterId, string name, Action<ISiloBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        Quiet(builder.Logging);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, "villages-tests"));
            silo.Configure<SiloOptions>(o => o.SiloName = name);
            silo.ConfigureEndpoints(IPAddress.Loopback, FreePort(), FreePort());
            silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (Invariant, connectionString));
            AddStorage(silo, connectionString);
            configure?.Invoke(silo);
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>An external client that learns the gateways from the ADO.NET membership table.</summary>
    public static async Task<IHost> StartClient(string connectionString, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder();
        Quiet(builder.Logging);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, "villages-tests"));
            client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (Invariant, connectionString));
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static IGrainFactory Grains(this IHost host) => host.Services.GetRequiredService<IGrainFactory>();

    public static async Task Halt(this IHost host)
    {
        await host.StopAsync();
        host.Dispose();
    }

    private static void Quiet(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(LogLevel.Warning);
    }

    private static int FreePort() => Villages.Tests.Shared.LoopbackPorts.Next();
}
