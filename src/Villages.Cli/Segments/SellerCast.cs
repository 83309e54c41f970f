using Villages.Abstractions.Registry;

namespace Villages.Cli.Segments;

/// <summary>The seller accounts of each story. Counts grow with the scale but never fall below a handful.</summary>
internal sealed record SellerCast(
    IReadOnlyList<SellerProfile> XinjiangEnterprises,
    IReadOnlyList<SellerProfile> BachuHouseholds,
    IReadOnlyList<SellerProfile> AksuSellers,
    IReadOnlyList<SellerProfile> ProgrammeSellers)
{
    public IReadOnlyList<SellerProfile> All => [.. XinjiangEnterprises, .. BachuHouseholds, .. AksuSellers, .. ProgrammeSellers];

    public static SellerCast Cast(ScenarioContext context, Places places, decimal scale, long bachuHouseholds)
    {
        var random = context.RandomFor("sellers");
        var enterprises = Enumerable.Range(1, Scaled(20_000m, scale, 6))
            .Select(i => new SellerProfile(
                context.Id("xj", i), $"Urumqi online enterprise {i}", context.Villages.VillageIn(places.UrumqiDistricts[random.Next(places.UrumqiDistricts.Count)], random), SellerKind.Enterprise, 0))
            .ToList();
        var households = Enumerable.Range(1, (int)bachuHouseholds)
            .Select(i => new SellerProfile(context.Id("bachu", i), $"Bachu melon household {i}", context.Villages.VillageIn(places.Bachu, random), SellerKind.Household, random.Next(3, 7)))
            .ToList();
        var aksu = Enumerable.Range(1, Scaled(5_000m, scale, 2))
            .Select(i => Mixed(context.Id("aksu", i), $"Aksu apple grower {i}", context.Villages.VillageIn(places.AksuAppleCounties[i % places.AksuAppleCounties.Count], random), random))
            .ToList();
        var programme = Enumerable.Range(1, Scaled(400_000m, scale, 30))
            .Select(i => Mixed(context.Id("p832", i), $"Poverty-county shop {i}", context.Villages.VillageIn(places.PovertyCountiesOutsideXinjiang[random.Next(places.PovertyCountiesOutsideXinjiang.Count)], random), random))
            .ToList();
        return new SellerCast(enterprises, households, aksu, programme);
    }

    private static SellerProfile Mixed(string id, string name, string village, Random random) => random.Next(10) switch
    {
        < 6 => new SellerProfile(id, name, village, SellerKind.Household, random.Next(2, 7)),
        < 9 => new SellerProfile(id, name, village, SellerKind.Cooperative, random.Next(5, 61)),
        _ => new SellerProfile(id, name, village, SellerKind.Enterprise, 0),
    };

    private static int Scaled(decimal atScaleOne, decimal scale, int minimum) =>
        Math.Max(minimum, (int)Math.Round(atScaleOne * scale, MidpointRounding.AwayFromZero));
}
