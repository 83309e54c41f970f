namespace Villages.Grains.Ledger;

/// <summary>How far a ledger's batches have reached every figures grain; everything after is re-sent on activation.</summary>
[GenerateSerializer, Alias("villages.ledger-state")]
public sealed class LedgerState
{
    [Id(0)]
    public long RolledUpThrough { get; set; }
}
