using System.Globalization;
using Villages.Cli.Load;

namespace Villages.Cli.CommandLine;

/// <summary>What <c>villages load</c> prints: the plan before the run, the measurements after it.</summary>
internal static class LoadSummary
{
    public static void Plan(TextWriter o, LoadPlan plan, LoadArguments a)
    {
        var p = plan.Options;
        o.WriteLine(Inv($"Load: seed {p.Seed}, run {p.Run}, year {p.Year}, reference data {plan.ConfigFolder}"));
        o.WriteLine(Inv($"  {plan.Sellers.Count:N0} sellers in {plan.VillagesUsed:N0} of {plan.VillageCount:N0} villages ({plan.VillagesDescription}); {plan.CustomerPoolSize:N0} customers in the pool"));
        o.WriteLine(Inv($"  busiest county {plan.BusiestCounty}, busiest village {plan.BusiestVillage}"));
        if (a.QueriesOnly)
        {
            o.WriteLine(Inv($"  queries only: {Limit(a, "queries")}, {(a.ProbeQueries is { } r ? $"{r:0.##} a second" : "back to back")}"));
        }
        else
        {
            var pace = a.Rate is { } rate ? Inv($"at {rate:N0} lines/s") : "flat out";
            o.WriteLine(Inv($"  {Limit(a, "lines")} in batches of {a.BatchSize:N0}, {a.Parallelism} in flight, {pace}"));
        }
    }

    public static void Registered(TextWriter o, RegistrationResult r) =>
        o.WriteLine(Inv($"  {r.Sellers:N0} sellers registered in {r.Seconds:0.00} s: {r.SellersPerSecond:N0} sellers/s ({r.Created:N0} new, {r.Existing:N0} already registered; {r.Parallel} in flight)"));

    public static void Results(TextWriter o, LoadResult result)
    {
        o.WriteLine("Results:");
        if (result.Registration is { } r)
        {
            o.WriteLine(Inv($"  registration   {r.Sellers:N0} sellers in {r.Seconds:0.00} s: {r.SellersPerSecond:N0} sellers/s"));
        }

        if (result.Ingest is { } i)
        {
            o.WriteLine(Inv($"  lines          {i.Lines:N0} sent: {i.Accepted:N0} accepted, {i.Duplicates:N0} duplicates, {i.Rejected:N0} rejected"));
            o.WriteLine(Inv($"  batches        {i.Batches:N0} ({i.FailedBatches:N0} failed, {i.Retries:N0} resends); {i.LinesGeneratedAhead:N0} lines made before the clock started"));
            o.WriteLine(Inv($"  elapsed        {i.Seconds:0.00} s"));
            o.WriteLine(Inv($"  throughput     {i.LinesPerSecond:N0} lines/s"));
            o.WriteLine($"  batch latency  {Latency(i.BatchLatency, p90: true)}");
        }

        if (result.Queries is { } q)
        {
            var asked = q.National.Count + q.CountySeries.Count + q.VillageChildren.Count;
            var achieved = q.Seconds > 0 ? asked / q.Seconds : 0;
            var pace = q.RatePerSecond is { } rate ? Inv($"asked for {rate:0.##} a second, ") : "back to back, ";
            o.WriteLine(Inv($"  queries        {pace}one at a time: {asked:N0} in {q.Seconds:0.00} s, {achieved:0.#} a second"));
            Query(o, "national total", q.National);
            Query(o, "county series (days)", q.CountySeries);
            Query(o, "village children (top 10)", q.VillageChildren);
        }

        if (result.Freshness is { } f)
        {
            var after = f.AfterPosting > 0 ? Inv($"; {f.AfterPosting} sent after the run had ended") : "";
            var repeated = f.Repeated > 0 ? Inv($"; {f.Repeated} were duplicates of an earlier run with this --seed and --run, not timed") : "";
            o.WriteLine(Inv($"  freshness      {f.Measured} of {f.Probes} probes timed: {Latency(f.Latency, p90: false)}{after}{repeated}"));
            if (f.FirstFailure is { } failure)
            {
                o.WriteLine(Inv($"                 {f.Failed} failed; first: {failure}"));
            }
        }

        if (result.Ingest is { Problems.Count: > 0 } ingest)
        {
            o.WriteLine(Inv($"Problems (first {ingest.Problems.Count}):"));
            foreach (var problem in ingest.Problems)
            {
                o.WriteLine($"  {problem}");
            }
        }
    }

    private static void Query(TextWriter o, string name, QueryResult q)
    {
        o.WriteLine(Inv($"    {name,-26} {q.Count,6:N0} asked, {q.Errors:N0} errors   {Latency(q.Latency, p90: false)}"));
        o.WriteLine($"      GET {q.Path}");
        if (q.FirstError is { } error)
        {
            o.WriteLine($"      first error: {error}");
        }
    }

    private static string Latency(LatencySummary? l, bool p90) => l is null
        ? "none measured"
        : Inv($"p50 {l.P50Ms:0.0} ms") + (p90 ? Inv($"  p90 {l.P90Ms:0.0} ms") : "") + Inv($"  p99 {l.P99Ms:0.0} ms  max {l.MaxMs:0.0} ms  ({l.Count:N0})");

    private static string Limit(LoadArguments a, string unit) => (a.Count, a.Duration) switch
    {
        ({ } c, { } d) => Inv($"{c:N0} {unit} or {d.TotalSeconds:0.#} s, whichever comes first"),
        ({ } c, null) => Inv($"{c:N0} {unit}"),
        (null, { } d) => Inv($"{unit} for {d.TotalSeconds:0.#} s"),
        _ => unit,
    };

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
