using System.Globalization;
using Villages.Cli.Posting;
using Villages.Cli.Scenarios;
using Villages.Domain.Money;

namespace Villages.Cli.CommandLine;

/// <summary>What the CLI prints: the plan before posting, the API's acknowledgements after. Yuan always with two decimals.</summary>
internal static class Summary
{
    public static void Plan(TextWriter o, ScenarioPlan plan)
    {
        o.WriteLine(Inv($"Scenario: scale {plan.Options.Scale}, seed {plan.Options.Seed}, reference data {plan.ConfigFolder}"));
        o.WriteLine(Inv($"  programme {plan.Programme.Id}: {plan.Programme.Members.Count} counties; {plan.Sellers.Count:N0} sellers; {plan.SaleCount:N0} sales; {plan.Income.Count:N0} income records"));
        foreach (var s in plan.Segments)
        {
            o.WriteLine(Inv($"  {s.Name,-34} {s.SaleCount,12:N0} sales  {s.Description}"));
        }

        var e = plan.ExpectedFigures;
        o.WriteLine("Expected figures (CST):");
        Line(o, "Xinjiang (65) net sales 2017", Yuan(e.XinjiangNet2017Fen));
        Line(o, "Xinjiang (65) net sales 2018", Yuan(e.XinjiangNet2018Fen));
        Line(o, "Xinjiang growth 2018 on 2017", e.XinjiangGrowth2018.ToString("0.000000", CultureInfo.InvariantCulture));
        Line(o, "poverty-832 farm produce on taobao+tmall, 2015–2017 gross", Yuan(e.Poverty832AgriculturalAlibabaGross2015To2017Fen));
        Line(o, "Bachu (653130) melons sold online 2017", Count(e.BachuMelonItems2017));
        Line(o, $"Bachu melon households ({e.BachuMelonHouseholds:N0}) average income 2015", Yuan(e.BachuAverageIncome2015Fen));
        Line(o, $"Bachu melon households ({e.BachuMelonHouseholds:N0}) average income 2017", Yuan(e.BachuAverageIncome2017Fen));
        Line(o, "Aksu (6529) apples 2017-11-11 00:00–12:00, weight", ExactDecimal.Format(e.AksuSpreeWeightGrams, Grams.Scale) + " kg");
        Line(o, "Aksu (6529) apples 2017-11-11 00:00–12:00, customers", Count(e.AksuSpreeCustomers));
        Line(o, "poverty-832 items [2015-07-01, 2018-07-01)", Count(e.Poverty832ItemsJul2015ToJun2018));
        Line(o, "poverty-832 customers [2015-07-01, 2018-07-01)", Count(e.Poverty832CustomersJul2015ToJun2018));
    }

    public static void Posted(TextWriter o, ScenarioReport r)
    {
        o.WriteLine(Inv($"Posted in {r.Elapsed.TotalSeconds:0.0} s ({r.Batches:N0} batches, {r.Retries:N0} retries), settled as of {r.SettledAsOf}:"));
        o.WriteLine(Inv($"  sellers  {r.SellersCreated:N0} new, {r.SellersExisting:N0} already registered"));
        Counts(o, "sales", r.Sales);
        Counts(o, "refunds", r.Refunds);
        Counts(o, "income", r.Income);
    }

    public static void Checked(TextWriter o, IReadOnlyList<ScenarioCheck.Figure> figures)
    {
        o.WriteLine("Read back through the API (expected | answered):");
        foreach (var f in figures)
        {
            o.WriteLine($"  {(f.Ok ? "ok      " : "MISMATCH")} {f.What,-58} {f.Expected,22} | {f.Answered}");
        }

        var wrong = figures.Count(f => !f.Ok);
        o.WriteLine(wrong == 0 ? $"All {figures.Count} figures are right." : $"{wrong} of {figures.Count} figures are wrong.");
    }

    private static void Counts(TextWriter o, string name, LineCounts c) =>
        o.WriteLine(Inv($"  {name,-8} {c.Sent:N0} sent, {c.Accepted:N0} accepted, {c.Duplicates:N0} duplicates"));

    private static void Line(TextWriter o, string what, string value) => o.WriteLine($"  {what,-62} {value,24}");

    private static string Yuan(long fen) => ExactDecimal.Format(fen, Fen.Scale) + " yuan";

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
