using Villages.Abstractions.Ingest;

namespace Villages.Grains.Journal;

/// <summary>Another activation of the same ledger committed batch <c>seq - 1</c>'s successor first; this one must step aside.</summary>
[GenerateSerializer, Alias("villages.ledger-fenced")]
public sealed class LedgerFencedException(int ledger, long seq)
    : LedgerSteppedAsideException($"Ledger {ledger} could not commit batch {seq}: its position moved under it (another activation?).");
