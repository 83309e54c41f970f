using Villages.Cli.Lines;
using Villages.Cli.Reference;
using Villages.Cli.Segments;
using Villages.Domain.Ingest;

namespace Villages.Cli.Scenarios;

/// <summary>
/// Builds the seed article's scenario: a pure function of the options (and the reference files), so the same seed
/// and scale give byte-identical lines. Small stories are built at once; the big ones stream when enumerated.
/// </summary>
public static class Scenario
{
    public const string ProgrammeId = "poverty-832";

    // Lines per year at scale 1.0: about 800 yuan an order in 2018.
    private const decimal XinjiangLines2017 = 14_000_000m;
    private const decimal XinjiangLines2018 = 20_000_000m;

    public static ScenarioPlan Generate(ScenarioOptions options)
    {
        var targets = ArticleTargets.ForScale(options.Scale);
        var folder = ConfigFolder.Locate(options.ConfigFolder);
        var reference = ReferenceData.Load(folder);
        var places = Places.From(reference);
        var villages = options.VillagesFile is null
            ? VillageSource.Synthesised(reference)
            : VillageSource.FromFile(reference, options.VillagesFile, places.AllCounties);
        var context = new ScenarioContext(options.Seed, villages);
        var cast = SellerCast.Cast(context, places, options.Scale, BachuMelons.HouseholdsFor(targets.BachuMelonItems2017));
        var customers = new ProgrammeCustomers(context.TokensFor("pc"), targets.Poverty832CustomersJul2015ToJun2018);

        var bachu = BachuMelons.Generate(
            context, cast.BachuHouseholds, targets.BachuMelonItems2017, customers, targets.BachuAverageIncome2015Fen, targets.BachuAverageIncome2017Fen);
        var aksu = AksuSpree.Generate(context, cast.AksuSellers, targets.AksuSpreeWeightGrams, targets.AksuSpreeCustomers);

        // Xinjiang's 2017 net also holds Bachu's melons and Aksu's apples; its enterprises fill the rest.
        var xinjiang2017 = new XinjiangEnterprises(
            context, cast.XinjiangEnterprises, 2017, targets.XinjiangNet2017Fen - bachu.GrossFen - aksu.GrossFen, Lines(XinjiangLines2017, options.Scale));
        var xinjiang2018 = new XinjiangEnterprises(context, cast.XinjiangEnterprises, 2018, targets.XinjiangNet2018Fen, Lines(XinjiangLines2018, options.Scale));

        var programme = ProgrammePlan.For(targets, bachu);
        var agricultural = new ProgrammeSegment(context, cast.ProgrammeSellers, customers, programme.Agricultural);
        var firstHalf2018 = new ProgrammeSegment(context, cast.ProgrammeSellers, customers, programme.FirstHalf2018);
        var outside = new OutsideWindow(context, cast.ProgrammeSellers, customers, programme.OutsideWindowLines);

        var proceeds = bachu.Sales.GroupBy(s => s.SellerId).ToDictionary(g => g.Key, g => g.Sum(s => s.AmountFen));
        var expected = new ExpectedFigures(
            xinjiang2017.NetFen + bachu.GrossFen + aksu.GrossFen,
            xinjiang2018.NetFen,
            programme.Agricultural.AmountFen!.Value + bachu.GrossFen,
            bachu.Sales.Sum(s => s.Quantity),
            cast.BachuHouseholds.Count,
            Construction.CommonIncome(bachu.Income, 2015, cast.BachuHouseholds.Count, _ => 0),
            Construction.CommonIncome(bachu.Income, 2017, cast.BachuHouseholds.Count, proceeds.GetValueOrDefault),
            aksu.WeightGrams,
            aksu.Customers,
            bachu.Sales.Sum(s => s.Quantity) + programme.Agricultural.Items + programme.FirstHalf2018.Items,
            Math.Min(customers.Distinct, bachu.Sales.Count + programme.Agricultural.Lines + programme.FirstHalf2018.Lines));
        Construction.Check(targets, expected);

        ScenarioSegment[] segments =
        [
            new("bachu-melons", "Bachu (653130) households' melons on Taobao, summer 2017", bachu.Sales.Count, () => bachu.Sales),
            new("aksu-spree", "Aksu city and Wensu apples on Tmall, 2017-11-11 00:00–12:00", aksu.Sales.Count, () => aksu.Sales),
            new("xinjiang-enterprises-2017", "Urumqi enterprises, 2017, with refunds", xinjiang2017.Lines,
                () => xinjiang2017.Generate().Select(l => l.Sale), () => RefundsOf(xinjiang2017)),
            new("xinjiang-enterprises-2018", "Urumqi enterprises, 2018, with refunds", xinjiang2018.Lines,
                () => xinjiang2018.Generate().Select(l => l.Sale), () => RefundsOf(xinjiang2018)),
            new(programme.Agricultural.Name, "832 counties outside Xinjiang, farm produce on Taobao/Tmall, Jul 2015 – Dec 2017", programme.Agricultural.Lines, agricultural.Generate),
            new(programme.FirstHalf2018.Name, "832 counties outside Xinjiang, anything anywhere, Jan – Jun 2018", programme.FirstHalf2018.Lines, firstHalf2018.Generate),
            new("programme-outside-window", "832 counties, just outside the windows (H1 2015 non-farm, H2 2018)", outside.Lines, outside.Generate),
        ];
        return new ScenarioPlan(
            options, folder, targets, expected, new ProgrammeRecord(ProgrammeId, "832 national poverty-stricken counties", reference.Poverty832),
            cast.All, segments, bachu.Income);
    }

    private static IEnumerable<RefundLine> RefundsOf(XinjiangEnterprises segment)
    {
        foreach (var (_, refund) in segment.Generate())
        {
            if (refund is not null)
            {
                yield return refund;
            }
        }
    }

    private static long Lines(decimal atScaleOne, decimal scale) => Math.Max(20, (long)Math.Round(atScaleOne * scale, MidpointRounding.AwayFromZero));
}
