using System.Data.Common;
using System.Net.Sockets;
using Orleans.Runtime.Messaging;
using Villages.Abstractions.Ingest;

namespace Villages.Gateway.Operations;

/// <summary>
/// Failures a client should retry (503 with Retry-After) rather than give up on (500): a silo that is gone or not yet
/// known to be gone, a store that is down, a ledger that stepped aside. A resend is safe, since every line has an
/// idempotency key.
/// </summary>
public static class RetryableFailures
{
    /// <summary>Whether the error, or any exception inside it, is one of those.</summary>
    public static bool Includes(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            // ConnectionFailedException: a call routed to a silo that was killed, before the cluster declared it dead.
            if (e is SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException
                or LedgerSteppedAsideException or TimeoutException or DbException or SocketException)
            {
                return true;
            }
        }

        return false;
    }
}
