using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Orleans.Serialization.Invocation;
using Villages.Abstractions;
using Villages.Abstractions.Rollup;
using Villages.Cluster.Tests.Infrastructure;
using Villages.Grains.Figures;

namespace Villages.Cluster.Tests.Rollup;

/// <summary>
/// Sellers and regions let a delta start beside their other calls, and those calls beside a delta, and nothing else:
/// the grain decides (its <c>MayInterleave</c> predicate), not the interface, so a newer ledger cannot make an older
/// target take overlapping deltas.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DeltaInterleavingTests(ClusterFixture fixture)
{
    [Fact]
    public void Of_every_request_the_grain_interfaces_carry_only_a_delta_interleaves()
    {
        var requests = typeof(IRollupTarget).Assembly.GetTypes()
            .Where(t => typeof(IInvokable).IsAssignableFrom(t) && !t.IsAbstract && !t.ContainsGenericParameters)
            .Select(t => (IInvokable)Activator.CreateInstance(t, nonPublic: true)!)
            .ToList();

        var interleaving = requests.Where(FiguresGrain.DeltasInterleave).Select(r => $"{r.GetInterfaceType().Name}.{r.GetMethodName()}");

        Assert.True(requests.Count > 10, $"found only {requests.Count} generated requests");
        Assert.Equal(["IRollupTarget.Apply"], interleaving);
    }

    [Fact]
    public void Sellers_and_regions_are_known_to_the_cluster_by_that_predicate()
    {
        var properties = fixture.Cluster.Client.ServiceProvider.GetRequiredService<GrainPropertiesResolver>();
        foreach (IAddressable grain in new IAddressable[] { fixture.Grains.Seller("interleaving-seller"), fixture.Grains.Region("CN") })
        {
            var type = grain.GetGrainId().Type;
            Assert.True(
                properties.GetGrainProperties(type).Properties.TryGetValue(WellKnownGrainTypeProperties.MayInterleavePredicate, out var predicate),
                $"{type} has no interleaving predicate");
            Assert.Equal(nameof(FiguresGrain.DeltasInterleave), predicate);
        }
    }
}
