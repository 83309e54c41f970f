using Villages.Domain.Ingest;

namespace Villages.Cli.Scenarios;

/// <summary>
/// The plan's promises are derived from how it was built, then held against the article's targets: a mismatch is a
/// generator bug and must stop the run before anything is posted.
/// </summary>
internal static class Construction
{
    /// <summary>The households' common income in a year; every household is built to the same total, so anything else is a bug.</summary>
    public static long CommonIncome(IReadOnlyList<IncomeLine> income, int year, int households, Func<string, long> proceeds)
    {
        var totals = income.Where(i => i.Year == year).Select(i => i.AmountFen + proceeds(i.SellerId)).ToList();
        if (totals.Count != households || totals.Distinct().Count() != 1)
        {
            throw new InvalidOperationException($"Bachu households' {year} incomes are not all equal.");
        }

        return totals[0];
    }

    public static void Check(ArticleTargets t, ExpectedFigures e)
    {
        var pairs = new (string Name, long Target, long Built)[]
        {
            ("Xinjiang net 2017", t.XinjiangNet2017Fen, e.XinjiangNet2017Fen),
            ("Xinjiang net 2018", t.XinjiangNet2018Fen, e.XinjiangNet2018Fen),
            ("832 agricultural Alibaba gross 2015–2017", t.Poverty832AgriculturalAlibabaGross2015To2017Fen, e.Poverty832AgriculturalAlibabaGross2015To2017Fen),
            ("Bachu melons 2017", t.BachuMelonItems2017, e.BachuMelonItems2017),
            ("Bachu income 2015", t.BachuAverageIncome2015Fen, e.BachuAverageIncome2015Fen),
            ("Bachu income 2017", t.BachuAverageIncome2017Fen, e.BachuAverageIncome2017Fen),
            ("Aksu spree weight", t.AksuSpreeWeightGrams, e.AksuSpreeWeightGrams),
            ("Aksu spree customers", t.AksuSpreeCustomers, e.AksuSpreeCustomers),
            ("832 items", t.Poverty832ItemsJul2015ToJun2018, e.Poverty832ItemsJul2015ToJun2018),
            ("832 customers", t.Poverty832CustomersJul2015ToJun2018, e.Poverty832CustomersJul2015ToJun2018),
        };
        foreach (var (name, target, built) in pairs.Where(p => p.Target != p.Built))
        {
            throw new InvalidOperationException($"The scenario was built wrong: {name} is {built}, the target {target}.");
        }
    }
}
