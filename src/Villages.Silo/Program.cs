using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Villages.Hosting;
using Villages.Hosting.Configuration;
using Villages.Hosting.Stores;

var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.Sources.Insert(0, SettingsFiles.For("cluster.json"));

try
{
    var settings = VillagesSettings.From(builder.Configuration);

    // Before Orleans starts: a database that cannot be reached, or was never initialised, is one line naming the setting.
    await SchemaInstaller.Verify(settings);
    var siloPort = builder.Configuration.GetValue("Villages:SiloPort", 11111);
    var gatewayPort = builder.Configuration.GetValue("Villages:GatewayPort", 30000);
    var advertised = builder.Configuration["Villages:AdvertisedAddress"];
    builder.UseOrleans(silo =>
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });
        silo.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection("Orleans:Membership"));
        if (advertised is { Length: > 0 })
        {
            silo.ConfigureEndpoints(IPAddress.Parse(advertised), siloPort, gatewayPort, listenOnAnyHostAddress: true);
        }
        else
        {
            silo.ConfigureEndpoints(Dns.GetHostName(), siloPort, gatewayPort, listenOnAnyHostAddress: true);
        }

        silo.UseVillagesClustering(settings).AddVillages(settings);
    });
    await builder.Build().RunAsync();
}
catch (SettingsException e)
{
    Console.Error.WriteLine($"villages silo: {e.Message}");
    return 2;
}

return 0;
