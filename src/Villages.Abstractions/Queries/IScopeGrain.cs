using Villages.Abstractions.Registry;

namespace Villages.Abstractions.Queries;

/// <summary>What an analyst can ask of any scope: a seller, a region (village to nation) or a programme.</summary>
[Alias("villages.scope")]
public interface IScopeGrain : IGrainWithStringKey
{
    /// <summary>Profile and lifetime totals; null when the scope is unknown.</summary>
    [Alias("summary")]
    Task<ScopeSummary?> Summary();

    [Alias("series")]
    Task<IReadOnlyList<SeriesPointView>> Series(SeriesRequest request);

    /// <summary>Totals over [from, to); all time where a bound is missing.</summary>
    [Alias("totals")]
    Task<FiguresView> Totals(DateTime? from, DateTime? to);

    [Alias("income")]
    Task<IncomeView> Income(int year);
}

[Alias("villages.seller")]
public interface ISellerGrain : IScopeGrain, Rollup.IRollupTarget
{
    [Alias("profile")]
    Task<SellerProfile?> Profile();
}

[Alias("villages.region")]
public interface IRegionGrain : IScopeGrain, Rollup.IRollupTarget
{
    [Alias("rename")]
    Task Rename(string name);

    /// <summary>The scopes directly below this one (a village's are its sellers), each with its totals over [from, to).</summary>
    [Alias("children")]
    Task<IReadOnlyList<ScopeSummary>> Children(DateTime? from, DateTime? to);

    /// <summary>The summary with totals over [from, to) instead of lifetime, as a parent ranks its children.</summary>
    [Alias("summary-over")]
    Task<ScopeSummary> SummaryOver(DateTime? from, DateTime? to);
}

[Alias("villages.programme")]
public interface IProgrammeGrain : IScopeGrain
{
    [Alias("define")]
    Task Define(string name, IReadOnlyList<string> members);
}
