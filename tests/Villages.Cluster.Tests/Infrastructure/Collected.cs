using Orleans.Core.Internal;

namespace Villages.Cluster.Tests.Infrastructure;

public static class Collected
{
    /// <summary>Deactivates the grain and waits until its activation is gone, so the next call meets a new one.</summary>
    public static async Task Gone(this IGrainFactory grains, IAddressable grain)
    {
        var id = grain.GetGrainId();
        await grains.GetGrain(id).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var management = grains.GetGrain<IManagementGrain>(0);
        for (var attempt = 0; attempt < 100 && (await management.GetActiveGrains(id.Type)).Contains(id); attempt++)
        {
            await Task.Delay(100);
        }

        Assert.DoesNotContain(id, await management.GetActiveGrains(id.Type));
    }
}
