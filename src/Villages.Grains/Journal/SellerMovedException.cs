using Villages.Abstractions.Ingest;

namespace Villages.Grains.Journal;

/// <summary>
/// A ledger's copy of a seller named a village the seller was since moved out of (by another activation of the same
/// ledger): its sales must not be written under the old village, where the seller's own reads would never find them.
/// </summary>
[GenerateSerializer, Alias("villages.seller-moved")]
public sealed class SellerMovedException(string sellerId, string villageCode)
    : LedgerSteppedAsideException($"Seller {sellerId} is no longer registered in village {villageCode}; the ledger's copy of the seller was out of date.");
