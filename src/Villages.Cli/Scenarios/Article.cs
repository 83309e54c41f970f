namespace Villages.Cli.Scenarios;

/// <summary>The numbers of the seed article (shared/seed), at scale 1.0.</summary>
public static class Article
{
    public const decimal XinjiangEnterpriseSales2018Yuan = 15_970_000_000m;
    public const decimal XinjiangGrowth2018 = 0.448m;
    public const decimal AlibabaAgricultural832Yuan2015To2017 = 90_000_000_000m;
    public const decimal BachuMelons2017 = 100_000m;
    public const decimal BachuIncomeBeforeYuan = 400m;
    public const decimal BachuIncomeAfterYuan = 3_500m;
    public const decimal AksuSpreeApplesKg = 850_000m;
    public const decimal AksuSpreeCustomers = 100_000m;
    public const decimal PovertyCountyItems = 1_500_000_000m;
    public const decimal PovertyCountyConsumers = 55_000_000m;
}
