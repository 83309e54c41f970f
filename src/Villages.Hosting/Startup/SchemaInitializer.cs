using Villages.Hosting.Configuration;
using Villages.Hosting.Stores;

namespace Villages.Hosting.Startup;

/// <summary>
/// Before any grain runs (and before the storage provider reads its queries): the embedded node installs its schema;
/// a cluster silo checks that `villages db init` has installed it, since silos starting together must not race on DDL.
/// </summary>
internal sealed class SchemaInitializer(VillagesSettings settings) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaInitializer), ServiceLifecycleStage.RuntimeInitialize, Start);

    private Task Start(CancellationToken cancellationToken) => settings.Store == Store.Sqlite
        ? SchemaInstaller.Install(settings, cancellationToken)
        : SchemaInstaller.Verify(settings);
}
