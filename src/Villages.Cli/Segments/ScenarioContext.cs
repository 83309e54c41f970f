using Villages.Cli.Generation;
using Villages.Cli.Reference;

namespace Villages.Cli.Segments;

/// <summary>What every segment draws on: the seed (for its generators and ids) and where to put its sellers.</summary>
internal sealed class ScenarioContext(int seed, VillageSource villages)
{
    public VillageSource Villages => villages;

    public Random RandomFor(string stream) => Seeds.Random(seed, stream);

    public Tokens TokensFor(string pool) => new(pool, Seeds.Salt(seed, $"tokens/{pool}"));

    /// <summary>
    /// Ids carry the seed so that scenarios of different seeds never collide on a shared node; a rerun of the same
    /// seed resends the same keys and is counted as duplicates.
    /// </summary>
    public string Id(string kind, long number) => $"sc{seed}-{kind}-{number}";
}
