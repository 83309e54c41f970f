namespace Villages.Cli.Scenarios;

/// <summary>
/// What the API must answer once the plan is posted and settled, as the plan was built (money in fen, weight in
/// grams, counts whole). Windows are CST: calendar years; the spree is [2017-11-11T00:00, 12:00); the 832 window
/// is [2015-07-01, 2018-07-01).
/// </summary>
public sealed record ExpectedFigures(
    long XinjiangNet2017Fen,
    long XinjiangNet2018Fen,
    long Poverty832AgriculturalAlibabaGross2015To2017Fen,
    long BachuMelonItems2017,
    long BachuMelonHouseholds,
    long BachuAverageIncome2015Fen,
    long BachuAverageIncome2017Fen,
    long AksuSpreeWeightGrams,
    long AksuSpreeCustomers,
    long Poverty832ItemsJul2015ToJun2018,
    long Poverty832CustomersJul2015ToJun2018)
{
    /// <summary>Xinjiang's net 2018 against 2017 as the API's <c>growth</c> fraction; a ratio, not money, so decimal is fine.</summary>
    public decimal XinjiangGrowth2018 => ((decimal)XinjiangNet2018Fen / XinjiangNet2017Fen) - 1;
}
