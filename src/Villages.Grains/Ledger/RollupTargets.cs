using Orleans.GrainReferences;
using Villages.Abstractions;
using Villages.Abstractions.Rollup;

namespace Villages.Grains.Ledger;

/// <summary>
/// References to the regions a ledger rolls up into, the same as <see cref="Abstractions.Scopes"/> makes. Orleans'
/// <c>GetGrain&lt;T&gt;(key)</c> looks up the interface's grain type by reflection on every call, and a ledger makes
/// one reference per region of every window: that lookup was 3.5% of the node's CPU under ingest. Here it
/// is done once per interface, and each reference is only its grain id.
/// </summary>
public sealed class RollupTargets(IGrainFactory grains, GrainReferenceActivator references)
{
    private readonly Lazy<(GrainType GrainType, GrainInterfaceType InterfaceType)> _region = new(() =>
    {
        var template = (GrainReference)grains.Region("CN");
        return (template.GrainId.Type, template.InterfaceType);
    });

    public IRollupTarget Region(string code) =>
        (IRollupTarget)references.CreateReference(GrainId.Create(_region.Value.GrainType, IdSpan.Create(code)), _region.Value.InterfaceType);
}
