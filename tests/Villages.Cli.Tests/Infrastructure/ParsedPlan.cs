using Villages.Abstractions.Registry;
using Villages.Cli.Scenarios;
using Villages.Cli.Wire;
using Villages.Domain.Ingest;

namespace Villages.Cli.Tests.Infrastructure;

/// <summary>
/// A plan as the API would see it: every line serialised in 5,000-line batches exactly as the poster sends them,
/// then read back with the domain's own BatchReader and LineParser. Lines that fail validation are kept as rejections.
/// </summary>
public sealed class ParsedPlan
{
    private static readonly Dictionary<(decimal, int), ParsedPlan> Cache = [];

    private ParsedPlan(ScenarioPlan plan)
    {
        Plan = plan;
        Sales = Parse<SaleLine, SaleLine>(plan.Sales, WireJson.Sales, LineParser.TryParseSale);
        Refunds = Parse<RefundLine, RefundLine>(plan.Refunds, WireJson.Refunds, LineParser.TryParseRefund);
        Income = Parse<IncomeLine, IncomeLine>(plan.Income, WireJson.Income, LineParser.TryParseIncome);
        Sellers = plan.Sellers.ToDictionary(s => s.SellerId);
    }

    public ScenarioPlan Plan { get; }

    public Parsed<SaleLine> Sales { get; }

    public Parsed<RefundLine> Refunds { get; }

    public Parsed<IncomeLine> Income { get; }

    public IReadOnlyDictionary<string, SellerProfile> Sellers { get; }

    public static ParsedPlan Of(decimal scale, int seed = 1)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue((scale, seed), out var parsed))
            {
                Cache[(scale, seed)] = parsed = new ParsedPlan(Scenario.Generate(new ScenarioOptions(scale, seed, ReferenceFiles.Folder)));
            }

            return parsed;
        }
    }

    private delegate bool TryParse<TLine>(RawLine raw, out TLine? line, out LineRejection? rejection);

    private static Parsed<TLine> Parse<TRecord, TLine>(IEnumerable<TRecord> records, Func<IReadOnlyList<TRecord>, byte[]> serialise, TryParse<TLine> parse)
        where TLine : class
    {
        var lines = new List<TLine>();
        var rejections = new List<LineRejection>();
        var texts = new List<string>();
        foreach (var batch in records.Chunk(5_000))
        {
            var body = serialise(batch);
            Assert.True(BatchReader.TryRead(body, ndjson: false, out var raw, out var error), error);
            Assert.Equal(batch.Length, raw.Count);
            foreach (var r in raw)
            {
                texts.Add(r.Json!.Value.GetRawText());
                if (parse(r, out var line, out var rejection))
                {
                    lines.Add(line!);
                }
                else
                {
                    rejections.Add(rejection!);
                }
            }
        }

        return new Parsed<TLine>(lines, rejections, texts);
    }
}

public sealed record Parsed<TLine>(IReadOnlyList<TLine> Lines, IReadOnlyList<LineRejection> Rejections, IReadOnlyList<string> Json);
