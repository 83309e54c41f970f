namespace Villages.Cli.Lines;

public enum SellerKind
{
    Household,
    Cooperative,
    Enterprise,
}

/// <summary>A seller account to register before any of its lines are sent.</summary>
public sealed record SellerRecord(string SellerId, string Name, string VillageCode, SellerKind Kind, int Members)
{
    public string KindName => Kind switch
    {
        SellerKind.Household => "household",
        SellerKind.Cooperative => "cooperative",
        _ => "enterprise",
    };
}
