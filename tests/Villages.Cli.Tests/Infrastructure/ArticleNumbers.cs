namespace Villages.Cli.Tests.Infrastructure;

/// <summary>The seed article's figures at a scale, computed here from the article's text, independently of the generator.</summary>
public sealed record ArticleNumbers(
    long XinjiangNet2018Fen,
    long XinjiangNet2017Fen,
    long AgriculturalAlibaba832Fen,
    long BachuMelons,
    long BachuIncome2015Fen,
    long BachuIncome2017Fen,
    long AksuGrams,
    long AksuCustomers,
    long Items832,
    long Customers832)
{
    public static ArticleNumbers At(decimal scale)
    {
        // "15.97 billion yuan ... +44.8%", "90 billion yuan", "100,000 melons", "400 to 3,500 yuan",
        // "more than 100,000 customers bought 850 tonnes", "over 55 million consumers bought 1.5 billion items".
        var net2018 = R(15.97e9m * 100 * scale);
        return new ArticleNumbers(
            net2018,
            R(net2018 / 1.448m),
            R(90e9m * 100 * scale),
            Math.Max(1, R(100_000m * scale)),
            400_00,
            3_500_00,
            R(850m * 1000 * 1000 * scale),
            R(100_000m * scale) + 1,
            R(1.5e9m * scale),
            R(55e6m * scale));
    }

    private static long R(decimal d) => (long)Math.Round(d, MidpointRounding.AwayFromZero);
}
