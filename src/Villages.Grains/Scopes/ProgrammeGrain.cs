using Villages.Abstractions;
using Villages.Abstractions.Queries;
using Villages.Abstractions.Rollup;
using Villages.Domain.Figures;
using Villages.Domain.Income;
using Villages.Domain.Regions;
using Villages.Grains.Figures;
using Villages.Grains.Journal;

namespace Villages.Grains.Scopes;

[GenerateSerializer, Alias("villages.programme-state")]
public sealed class ProgrammeState
{
    [Id(0)]
    public string? Name { get; set; }

    [Id(1)]
    public List<string> Members { get; set; } = [];
}

/// <summary>
/// A named set of regions, such as the 832 poverty counties. Its figures are the merge of its members' cells at
/// the moment of asking, so membership is data that can change at any time without re-counting anything, and
/// distinct customers stay exact-by-sketch (a union, never a sum). Members inside another member are dropped,
/// so no sale is counted twice.
/// </summary>
public sealed class ProgrammeGrain(
    [PersistentState("programme", StorageNames.Villages)] IPersistentState<ProgrammeState> state,
    IJournal journal,
    PovertyLines povertyLines) : Grain, IProgrammeGrain
{
    private string Id => Abstractions.Scopes.ProgrammeIdOf(this.GetPrimaryKeyString());

    private IEnumerable<JournalScope> Scopes => state.State.Members.Select(JournalScope.ForRegion);

    public async Task Define(string name, IReadOnlyList<string> members)
    {
        state.State.Name = name;
        state.State.Members = Disjoint(members);
        await state.WriteStateAsync();
    }

    public async Task<ScopeSummary?> Summary()
    {
        if (state.State.Name is null)
        {
            return null;
        }

        // asOf before the members' figures, so that it never promises a line their books did not yet have.
        var asOf = await GrainFactory.GetGrain<IFreshnessGrain>(0).AsOf();
        var cells = await Task.WhenAll(Members().Select(m => m.RangeCell(null, null)));
        var total = new Cell();
        foreach (var bytes in cells)
        {
            total.Add(Cell.FromBytes(bytes));
        }

        var sellers = await journal.CountSellers(Scopes);
        return new ScopeSummary(Id, "programme", state.State.Name, null, asOf, total.ToView(), sellers);
    }

    public async Task<IReadOnlyList<SeriesPointView>> Series(SeriesRequest request)
    {
        var perMember = await Task.WhenAll(Members().Select(m => m.SeriesCells(request)));
        var points = new List<SeriesPointView>();
        var count = perMember.Length == 0 ? 0 : perMember[0].Count;
        for (var i = 0; i < count; i++)
        {
            var cell = new Cell();
            long lastYearNet = 0;
            DateTime start = default;
            foreach (var member in perMember)
            {
                var point = SeriesCell.FromBytes(member[i]);
                start = point.Start;
                cell.Add(point.Cell);
                lastYearNet += point.LastYearNet;
            }

            points.Add(new SeriesCell(start, cell, lastYearNet).ToView());
        }

        if (count == 0)
        {
            // No members: still one (zero) point per bucket.
            return new FiguresBook().SeriesCells(request.From, request.To, request.ToInterval(), request.ToSlice()).Select(p => p.ToView()).ToList();
        }

        return points;
    }

    public async Task<FiguresView> Totals(DateTime? from, DateTime? to)
    {
        var cells = await Task.WhenAll(Members().Select(m => m.RangeCell(from, to)));
        var total = new Cell();
        foreach (var bytes in cells)
        {
            total.Add(Cell.FromBytes(bytes));
        }

        return total.ToView();
    }

    public async Task<IncomeView> Income(int year) =>
        IncomeReport.Of(year, await journal.Households(Scopes.ToList(), year), povertyLines).ToView();

    private IEnumerable<IRollupTarget> Members() => state.State.Members.Select(code => GrainFactory.Region(code));

    private static List<string> Disjoint(IReadOnlyList<string> members)
    {
        var distinct = members.Distinct(StringComparer.Ordinal).ToList();
        return distinct
            .Where(code => !distinct.Any(other => other != code && RegionCode.Contains(other, code)))
            .OrderBy(code => code, StringComparer.Ordinal)
            .ToList();
    }
}
