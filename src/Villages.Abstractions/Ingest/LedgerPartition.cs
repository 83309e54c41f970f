using StableHash = Villages.Domain.Hashing.StableHash;

namespace Villages.Abstractions.Ingest;

/// <summary>
/// Sellers are spread over a fixed number of ledgers by a stable hash of their id. The count is part of the
/// stored data (journal rows and roll-up watermarks are kept per ledger), so it must never change for a data folder.
/// </summary>
public static class LedgerPartition
{
    public const int Count = 16;

    public static int Of(string sellerId) => (int)(StableHash.Of(sellerId) % Count);
}
