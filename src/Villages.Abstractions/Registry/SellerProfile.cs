namespace Villages.Abstractions.Registry;

public enum SellerKind
{
    Household = 0,
    Cooperative = 1,
    Enterprise = 2,
}

/// <summary>A seller account as registered: it belongs to exactly one village; a household has members.</summary>
[GenerateSerializer, Immutable, Alias("villages.seller-profile")]
public sealed record SellerProfile(
    [property: Id(0)] string SellerId,
    [property: Id(1)] string Name,
    [property: Id(2)] string VillageCode,
    [property: Id(3)] SellerKind Kind,
    [property: Id(4)] int Members);

public enum RegistrationOutcome
{
    Created = 0,
    Unchanged = 1,
    Updated = 2,

    /// <summary>Refused: it would move a seller that already has sales to another village.</summary>
    WouldMoveSellerWithSales = 3,
}
