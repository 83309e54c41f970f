using Villages.Abstractions.Rollup;
using Villages.Domain.Regions;
using Villages.Grains.Journal;

namespace Villages.Grains.Ledger;

/// <summary>
/// The accepted lines of a ledger not yet rolled up, grouped by the grain each must reach: its seller, its village
/// and every region above it. One message per grain per roll-up, however many lines, keeps the nation off the hot path.
/// </summary>
internal sealed class RollupBatch
{
    public Dictionary<string, List<RollupEntry>> Sellers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<RollupEntry>> Regions { get; } = new(StringComparer.Ordinal);

    public void Add(RoutedEntry routed)
    {
        Append(Sellers, routed.SellerId, routed.Entry);
        for (string? code = routed.VillageCode; code is not null; code = RegionCode.Parent(code))
        {
            Append(Regions, code, routed.Entry);
        }
    }

    private static void Append(Dictionary<string, List<RollupEntry>> targets, string key, RollupEntry entry)
    {
        if (!targets.TryGetValue(key, out var list))
        {
            list = [];
            targets.Add(key, list);
        }

        list.Add(entry);
    }
}
