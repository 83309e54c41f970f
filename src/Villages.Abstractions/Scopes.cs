using Villages.Abstractions.Ingest;
using Villages.Abstractions.Queries;

namespace Villages.Abstractions;

/// <summary>
/// The one way to reach a scope's grain. Seller and programme ids are free text, and Orleans' ADO.NET storage reads a
/// string key that looks like hex ("abc", "020235") as a number, so "abc" and "0abc" would share a row; a prefix
/// that is not hex keeps every id its own key. Region codes never start with 0 (RegionCode.IsValid), so no two read
/// as the same number.
/// </summary>
public static class Scopes
{
    private const string SellerPrefix = "seller:";
    private const string ProgrammePrefix = "programme:";

    public static ISellerGrain Seller(this IGrainFactory grains, string sellerId) => grains.GetGrain<ISellerGrain>(SellerKey(sellerId));

    public static IRegionGrain Region(this IGrainFactory grains, string code) => grains.GetGrain<IRegionGrain>(code);

    public static IProgrammeGrain Programme(this IGrainFactory grains, string id) => grains.GetGrain<IProgrammeGrain>(ProgrammePrefix + id);

    public static ILedgerGrain Ledger(this IGrainFactory grains, int ledger) => grains.GetGrain<ILedgerGrain>(ledger);

    /// <summary>Every ledger, for calls that must reach all of them (settle, wake).</summary>
    public static IEnumerable<ILedgerGrain> Ledgers(this IGrainFactory grains) =>
        Enumerable.Range(0, LedgerPartition.Count).Select(grains.Ledger);

    public static ILedgerGrain LedgerOf(this IGrainFactory grains, string sellerId) => grains.Ledger(LedgerPartition.Of(sellerId));

    /// <summary>A seller grain's key.</summary>
    public static string SellerKey(string sellerId) => SellerPrefix + sellerId;

    /// <summary>The seller id inside a seller grain's key.</summary>
    public static string SellerIdOf(string grainKey) => grainKey[SellerPrefix.Length..];

    /// <summary>The programme id inside a programme grain's key.</summary>
    public static string ProgrammeIdOf(string grainKey) => grainKey[ProgrammePrefix.Length..];
}
