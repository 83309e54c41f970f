using Villages.Cli.Generation;
using Villages.Cli.Scenarios;

namespace Villages.Cli.Segments;

/// <summary>
/// How the 832 programme's window [2015-07-01, 2018-07-01) reaches its items and distinct customers: Bachu's
/// melons, farm produce on Alibaba's platforms to Dec 2017 (which also carries the 2015–2017 money target), and
/// any sales in Jan–Jun 2018. There are about 1.6 purchases per customer, so every customer is reached.
/// </summary>
internal sealed record ProgrammePlan(ProgrammeShape Agricultural, ProgrammeShape FirstHalf2018, long OutsideWindowLines)
{
    public static ProgrammePlan For(ArticleTargets targets, BachuMelons bachu)
    {
        long bachuLines = bachu.Sales.Count;
        var customers = targets.Poverty832CustomersJul2015ToJun2018;
        var lines = Math.Max(bachuLines + 2, Math.Max(customers, ((customers * 8) + 2) / 5));
        var rest = lines - bachuLines;
        var agriculturalLines = Math.Clamp(rest * 17 / 20, 1, rest - 1);
        var firstHalfLines = rest - agriculturalLines;

        var items = targets.Poverty832ItemsJul2015ToJun2018 - bachu.Sales.Sum(s => s.Quantity);
        var agriculturalItems = (long)((Int128)items * agriculturalLines / rest);
        var agriculturalFen = targets.Poverty832AgriculturalAlibabaGross2015To2017Fen - bachu.GrossFen;
        return new ProgrammePlan(
            new ProgrammeShape(
                "programme-agricultural-alibaba", "pa", RandomTime.Date(2015, 7, 1), RandomTime.Date(2018, 1, 1),
                Catalogue.Alibaba, Catalogue.Agricultural, agriculturalLines, agriculturalItems, agriculturalFen, bachuLines),
            new ProgrammeShape(
                "programme-first-half-2018", "pb", RandomTime.Date(2018, 1, 1), RandomTime.Date(2018, 7, 1),
                Catalogue.AllPlatforms, Catalogue.AllCategories, firstHalfLines, items - agriculturalItems, null, bachuLines + agriculturalLines),
            Math.Max(1, lines * 3 / 100));
    }
}
