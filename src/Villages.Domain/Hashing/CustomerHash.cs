namespace Villages.Domain.Hashing;

/// <summary>Buyers are counted by a 64-bit hash of their token; the token itself is never kept.</summary>
public static class CustomerHash
{
    public static ulong Of(string customerToken) => StableHash.Of(customerToken);
}
