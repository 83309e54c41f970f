using System.Data.Common;
using System.Net.Sockets;
using Orleans.Runtime.Messaging;
using Villages.Abstractions.Ingest;
using Villages.Gateway.Operations;

namespace Villages.Gateway.Tests.Operations;

/// <summary>What the gateway answers with 503 and Retry-After, found anywhere in the error, and what stays a 500.</summary>
public sealed class RetryableFailuresTests
{
    public static TheoryData<string, Exception> Retryable => new()
    {
        { "a silo known to be gone", new SiloUnavailableException() },
        { "a call to a silo killed but not yet declared dead", new ConnectionFailedException("Unable to connect to endpoint S127.0.0.1:30104:0") },
        { "a ledger that stepped aside", new LedgerSteppedAsideException("fenced") },
        { "a call that timed out", new TimeoutException() },
        { "a database that is down", new StoreDown() },
        { "a broken socket", new SocketException() },
        { "any of those inside another", new InvalidOperationException("outer", new AggregateException(new ConnectionFailedException("inner"))) },
    };

    [Theory]
    [MemberData(nameof(Retryable))]
    public void These_failures_are_worth_a_retry(string what, Exception error) =>
        Assert.True(RetryableFailures.Includes(error), what);

    [Fact]
    public void Other_failures_are_not()
    {
        Assert.False(RetryableFailures.Includes(new InvalidOperationException("a bug")));
        Assert.False(RetryableFailures.Includes(new ArgumentException("bad", new FormatException())));
        Assert.False(RetryableFailures.Includes(null));
    }

    private sealed class StoreDown : DbException;
}
