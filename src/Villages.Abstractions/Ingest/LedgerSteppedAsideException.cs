namespace Villages.Abstractions.Ingest;

/// <summary>
/// A ledger's activation found its copy of the journal out of date (another activation of the same ledger wrote
/// meanwhile) and stepped aside without writing any of the batch. It lives here, not beside the journal, because a
/// client must tell it from a failure: resending the batch is safe and will be answered by a fresh activation.
/// </summary>
[GenerateSerializer, Alias("villages.ledger-stepped-aside")]
public class LedgerSteppedAsideException : Exception
{
    public LedgerSteppedAsideException(string message)
        : base(message)
    {
    }
}
