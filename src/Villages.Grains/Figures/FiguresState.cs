namespace Villages.Grains.Figures;

/// <summary>
/// A checkpoint of a figures grain: its book (in the domain's compact binary form) and, per ledger, the last
/// batch it includes. Written together, so figures and watermarks can never disagree.
/// </summary>
[GenerateSerializer, Alias("villages.figures-state")]
public sealed class FiguresState
{
    [Id(0)]
    public byte[] Book { get; set; } = [];

    [Id(1)]
    public long[] Applied { get; set; } = [];
}
