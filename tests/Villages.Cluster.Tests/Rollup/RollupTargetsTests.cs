using Microsoft.Extensions.DependencyInjection;
using Villages.Abstractions;
using Villages.Cluster.Tests.Infrastructure;
using Villages.Grains.Ledger;

namespace Villages.Cluster.Tests.Rollup;

/// <summary>The ledger's cheap references reach the very grains the ordinary ones do.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RollupTargetsTests(ClusterFixture fixture)
{
    private RollupTargets Targets => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<RollupTargets>();

    [Theory]
    [InlineData("CN")]
    [InlineData("65")]
    [InlineData("653130100201")]
    public void A_region_target_is_the_region_grain(string code)
    {
        Assert.Equal(fixture.Grains.Region(code).GetGrainId(), Targets.Region(code).GetGrainId());
    }
}
