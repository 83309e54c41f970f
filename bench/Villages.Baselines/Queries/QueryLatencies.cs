using Villages.Baselines.Input;
using Villages.Baselines.Measuring;

namespace Villages.Baselines.Queries;

/// <summary>Latencies of the three queries; a figure is null when that query was not run (under load: no ingest probe).</summary>
internal sealed record QueryLatencies(LatencySummary? National, LatencySummary? CountySeries, LatencySummary? VillageChildren);

/// <summary>The answers themselves, so the figures can be checked against Villages' own for the same input.</summary>
internal sealed record QueryAnswers(NationalTotals National, SeriesDigest CountySeries, IReadOnlyList<ChildRow> VillageChildren);

/// <summary>A county series in brief: its days, their sums, and its busiest day.</summary>
internal sealed record SeriesDigest(int Days, long GrossFen, long Orders, long Items, DateOnly? BusiestDay, long BusiestDayGrossFen)
{
    public static SeriesDigest Of(IReadOnlyList<DayPoint> points)
    {
        var busiest = points.OrderByDescending(p => p.GrossFen).ThenBy(p => p.Day).FirstOrDefault(p => p.GrossFen > 0);
        return new SeriesDigest(
            points.Count, points.Sum(p => p.GrossFen), points.Sum(p => p.Orders), points.Sum(p => p.Items), busiest?.Day, busiest?.GrossFen ?? 0);
    }
}

/// <summary>Times the three queries when nothing else runs: warm-ups, then up to N runs each within a time budget.</summary>
internal static class IdleQueries
{
    public const int Top = 10;

    public static async Task<(QueryLatencies Latencies, QueryAnswers Answers)> Measure(IBaselineQueries queries, Targets targets, Options options)
    {
        var national = await QueryTimer.Time(() => queries.National(), options.Warmups, options.QueryRuns, options.QueryBudget);
        var series = await QueryTimer.Time(() => queries.CountySeries(targets.County, targets.Year), options.Warmups, options.QueryRuns, options.QueryBudget);
        var children = await QueryTimer.Time(() => queries.VillageChildren(targets.Village, Top), options.Warmups, options.QueryRuns, options.QueryBudget);
        var answers = new QueryAnswers(
            await queries.National(),
            SeriesDigest.Of(await queries.CountySeries(targets.County, targets.Year)),
            await queries.VillageChildren(targets.Village, Top));
        return (new QueryLatencies(national, series, children), answers);
    }
}
