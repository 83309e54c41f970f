using Villages.Baselines.Queries;

namespace Villages.Baselines.Memory;

/// <summary>The rollup's synchronous answers behind the queries' common interface; the wrapping costs nanoseconds.</summary>
internal sealed class InMemoryQueries(InMemoryRollup rollup) : IBaselineQueries
{
    public Task<NationalTotals> National(CancellationToken cancel = default) => Task.FromResult(rollup.National());

    public Task<IReadOnlyList<DayPoint>> CountySeries(string countyCode, int year, CancellationToken cancel = default) =>
        Task.FromResult(rollup.CountySeries(countyCode, year));

    public Task<IReadOnlyList<ChildRow>> VillageChildren(string villageCode, int top, CancellationToken cancel = default) =>
        Task.FromResult(rollup.VillageChildren(villageCode, top));
}
