using System.Globalization;
using System.Text.Json.Nodes;
using Villages.Domain.Money;

namespace Villages.Cli.Scenarios;

/// <summary>
/// The article's figures read back through the API once the plan is posted and settled, as an analyst would ask for
/// them, and set against what the plan was built to: money, items and weight exact to the fen and gram, customers
/// within the 2% the API allows its distinct counts.
/// </summary>
public static class ScenarioCheck
{
    private const decimal CustomerTolerance = 0.02m;
    private static readonly string[] Agricultural = ["fruit", "vegetable", "grain", "nuts", "livestock"];
    private static readonly string[] Alibaba = ["taobao", "tmall"];

    public sealed record Figure(string What, string Expected, string Answered, bool Ok);

    public static async Task<IReadOnlyList<Figure>> RunAsync(HttpClient client, ExpectedFigures e, CancellationToken ct)
    {
        var figures = new List<Figure>();

        var xinjiang = (await Get(client, "api/regions/65/series?from=2017-01-01&to=2019-01-01&interval=year", ct))["points"]!.AsArray();
        figures.Add(Yuan("Xinjiang (65) net sales 2017", e.XinjiangNet2017Fen, xinjiang[0]!["net"]!));
        figures.Add(Yuan("Xinjiang (65) net sales 2018", e.XinjiangNet2018Fen, xinjiang[1]!["net"]!));
        var growth = xinjiang[1]!["growth"]!.GetValue<decimal>();
        figures.Add(new("Xinjiang growth 2018 on 2017", Decimal(Math.Round(e.XinjiangGrowth2018, 6)), Decimal(growth), Math.Abs(growth - e.XinjiangGrowth2018) < 0.0005m));

        decimal gross = 0;
        foreach (var platform in Alibaba)
        {
            foreach (var category in Agricultural)
            {
                var years = (await Get(client, $"api/programmes/poverty-832/series?from=2015-01-01&to=2018-01-01&interval=year&platform={platform}&category={category}", ct))["points"]!.AsArray();
                gross += years.Sum(p => p!["gross"]!.GetValue<decimal>());
            }
        }

        figures.Add(Yuan("poverty-832 farm produce on taobao+tmall, 2015–2017 gross", e.Poverty832AgriculturalAlibabaGross2015To2017Fen, gross));

        var months = (await Get(client, "api/programmes/poverty-832/series?from=2015-07-01&to=2018-07-01&interval=month", ct))["points"]!.AsArray();
        figures.Add(Count("poverty-832 items [2015-07-01, 2018-07-01)", e.Poverty832ItemsJul2015ToJun2018, months.Sum(p => p!["items"]!.GetValue<long>())));
        // The scenario's buyers outside the window also buy inside it, so the programme's lifetime count is the window's.
        var programme = await Get(client, "api/programmes/poverty-832", ct);
        figures.Add(Customers("poverty-832 customers [2015-07-01, 2018-07-01)", e.Poverty832CustomersJul2015ToJun2018, programme["totals"]!["customers"]!.GetValue<long>()));

        var melons = (await Get(client, "api/regions/653130/series?from=2017-01-01&to=2018-01-01&interval=year&product=melon", ct))["points"]![0]!;
        figures.Add(Count("Bachu (653130) melons sold online 2017", e.BachuMelonItems2017, melons["items"]!.GetValue<long>()));
        var income2015 = await Get(client, "api/regions/653130/income?year=2015", ct);
        var income2017 = await Get(client, "api/regions/653130/income?year=2017", ct);
        figures.Add(Count("Bachu melon households 2017", e.BachuMelonHouseholds, income2017["households"]!.GetValue<long>()));
        figures.Add(Yuan("Bachu melon households' average income 2015", e.BachuAverageIncome2015Fen, income2015["averageIncome"]!));
        figures.Add(Yuan("Bachu melon households' average income 2017", e.BachuAverageIncome2017Fen, income2017["averageIncome"]!));

        const string spree = "from=2017-11-11T00:00&to=2017-11-11T12:00&product=apple";
        var hours = (await Get(client, $"api/regions/6529/series?{spree}&interval=hour", ct))["points"]!.AsArray();
        var kilograms = hours.Sum(p => p!["weightKg"]!.GetValue<decimal>());
        var expectedKilograms = ExactDecimal.ToDecimal(e.AksuSpreeWeightGrams, Grams.Scale);
        figures.Add(new("Aksu (6529) apples 2017-11-11 00:00–12:00, weight kg", Decimal(expectedKilograms), Decimal(kilograms), kilograms == expectedKilograms));
        // One bucket clipped to the 12 hours: its customers are the spree's distinct buyers, not a sum over hours.
        var spreeDay = (await Get(client, $"api/regions/6529/series?{spree}&interval=day", ct))["points"]![0]!;
        figures.Add(Customers("Aksu (6529) apples 2017-11-11 00:00–12:00, customers", e.AksuSpreeCustomers, spreeDay["customers"]!.GetValue<long>()));
        return figures;
    }

    private static async Task<JsonNode> Get(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(path, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new Posting.ScenarioPostException($"GET {path}: {(int)response.StatusCode} {body}");
        }

        return JsonNode.Parse(body)!;
    }

    private static Figure Yuan(string what, long expectedFen, JsonNode answered) => Yuan(what, expectedFen, answered.GetValue<decimal>());

    private static Figure Yuan(string what, long expectedFen, decimal answered) =>
        new(what, ExactDecimal.Format(expectedFen, Fen.Scale), Decimal(answered), answered == Fen.ToYuan(expectedFen));

    private static Figure Count(string what, long expected, long answered) =>
        new(what, Whole(expected), Whole(answered), answered == expected);

    private static Figure Customers(string what, long expected, long answered) =>
        new(what, Whole(expected), $"{Whole(answered)} ({Deviation(expected, answered)})", Math.Abs(answered - expected) <= expected * CustomerTolerance);

    private static string Deviation(long expected, long answered) =>
        expected == 0 ? "–" : (((decimal)answered / expected) - 1).ToString("+0.00%;-0.00%;0.00%", CultureInfo.InvariantCulture);

    private static string Whole(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Decimal(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
