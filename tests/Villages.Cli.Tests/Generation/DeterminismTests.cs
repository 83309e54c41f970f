using Villages.Cli.Scenarios;
using Villages.Cli.Tests.Infrastructure;
using Villages.Cli.Wire;

namespace Villages.Cli.Tests.Generation;

public sealed class DeterminismTests
{
    [Fact]
    public void The_same_seed_and_scale_give_byte_identical_lines()
    {
        var a = Scenario.Generate(new ScenarioOptions(0.00003m, 11, ReferenceFiles.Folder));
        var b = Scenario.Generate(new ScenarioOptions(0.00003m, 11, ReferenceFiles.Folder));

        Assert.Equal(Bytes(a), Bytes(b));
        Assert.Equal(a.ExpectedFigures, b.ExpectedFigures);
    }

    [Fact]
    public void Enumerating_a_plan_twice_gives_the_same_lines()
    {
        var plan = ParsedPlan.Of(0.00003m).Plan;

        Assert.Equal(WireJson.Sales([.. plan.Sales]), WireJson.Sales([.. plan.Sales]));
        Assert.Equal(WireJson.Refunds([.. plan.Refunds]), WireJson.Refunds([.. plan.Refunds]));
    }

    [Fact]
    public void Another_seed_gives_other_lines_and_other_ids_but_the_same_figures()
    {
        var a = ParsedPlan.Of(0.00003m).Plan;
        var b = Scenario.Generate(new ScenarioOptions(0.00003m, 2, ReferenceFiles.Folder));

        Assert.NotEqual(Bytes(a), Bytes(b));
        Assert.Empty(a.Sales.Select(s => s.SaleId).Intersect(b.Sales.Select(s => s.SaleId)));
        Assert.Empty(a.Sellers.Select(s => s.SellerId).Intersect(b.Sellers.Select(s => s.SellerId)));
        Assert.Equal(a.ExpectedFigures, b.ExpectedFigures);
    }

    [Fact]
    public void The_plan_declares_how_many_sales_it_streams()
    {
        var plan = ParsedPlan.Of(0.0001m).Plan;

        Assert.Equal(plan.SaleCount, plan.Sales.LongCount());
        Assert.All(plan.Segments, s => Assert.Equal(s.SaleCount, s.Sales().LongCount()));
    }

    private static byte[] Bytes(ScenarioPlan plan) =>
        [
            .. WireJson.Programme(plan.Programme),
            .. plan.Sellers.SelectMany(WireJson.Seller),
            .. WireJson.Sales([.. plan.Sales]),
            .. WireJson.Refunds([.. plan.Refunds]),
            .. WireJson.Income(plan.Income),
        ];
}
