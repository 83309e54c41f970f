using Orleans.GrainReferences;
using Villages.Abstractions;
using Villages.Abstractions.Rollup;

namespace Villages.Grains.Ledger;

/// <summary>
/// References to the sellers and regions a ledger rolls up into, the same as <see cref="Abstractions.Scopes"/> makes. Orleans'
/// <c>GetGrain&lt;T&gt;(key)</c> looks up the interface's grain type by reflection on every call, and a ledger makes
/// one reference per seller and region of every window: that lookup was 3.5% of the node's CPU under ingest. Here it
/// is done once per interface, and each reference is only its grain id.
/// </summary>
public sealed class RollupTargets(IGrainFactory grains, GrainReferenceActivator references)
{
    private readonly Lazy<Template> _seller = new(() => Template.Of((GrainReference)grains.Seller("template")));
    private readonly Lazy<Template> _region = new(() => Template.Of((GrainReference)grains.Region("CN")));

    public IRollupTarget Seller(string sellerId) => Create(_seller.Value, Abstractions.Scopes.SellerKey(sellerId));

    public IRollupTarget Region(string code) => Create(_region.Value, code);

    private IRollupTarget Create(Template template, string key) =>
        (IRollupTarget)references.CreateReference(GrainId.Create(template.GrainType, IdSpan.Create(key)), template.InterfaceType);

    private sealed record Template(GrainType GrainType, GrainInterfaceType InterfaceType)
    {
        public static Template Of(GrainReference reference) => new(reference.GrainId.Type, reference.InterfaceType);
    }
}
