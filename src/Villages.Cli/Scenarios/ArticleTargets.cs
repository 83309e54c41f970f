namespace Villages.Cli.Scenarios;

/// <summary>
/// The article's figures at a scale, rounded once (money to the fen, weight to the gram, counts to whole numbers);
/// the scenario then distributes each exactly. "More than 100,000 customers" becomes the scaled count plus one.
/// </summary>
public sealed record ArticleTargets(
    decimal Scale,
    long XinjiangNet2018Fen,
    long XinjiangNet2017Fen,
    long Poverty832AgriculturalAlibabaGross2015To2017Fen,
    long BachuMelonItems2017,
    long BachuAverageIncome2015Fen,
    long BachuAverageIncome2017Fen,
    long AksuSpreeWeightGrams,
    long AksuSpreeCustomers,
    long Poverty832ItemsJul2015ToJun2018,
    long Poverty832CustomersJul2015ToJun2018)
{
    public static ArticleTargets ForScale(decimal scale)
    {
        if (scale is < ScenarioOptions.MinScale or > ScenarioOptions.MaxScale)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, $"The scale must be between {ScenarioOptions.MinScale} and {ScenarioOptions.MaxScale}.");
        }

        var net2018 = Round(Article.XinjiangEnterpriseSales2018Yuan * 100 * scale);
        return new ArticleTargets(
            scale,
            net2018,
            Round(net2018 / (1 + Article.XinjiangGrowth2018)),
            Round(Article.AlibabaAgricultural832Yuan2015To2017 * 100 * scale),
            Math.Max(1, Round(Article.BachuMelons2017 * scale)),
            Round(Article.BachuIncomeBeforeYuan * 100),
            Round(Article.BachuIncomeAfterYuan * 100),
            Math.Max(1, Round(Article.AksuSpreeApplesKg * 1000 * scale)),
            Round(Article.AksuSpreeCustomers * scale) + 1,
            Round(Article.PovertyCountyItems * scale),
            Math.Max(1, Round(Article.PovertyCountyConsumers * scale)));
    }

    private static long Round(decimal value) => (long)Math.Round(value, MidpointRounding.AwayFromZero);
}
