using Villages.Cli.Posting;
using Villages.Cli.Tests.Infrastructure;

namespace Villages.Cli.Tests.Posting;

public sealed class PosterTests
{
    private static readonly PosterOptions Quick = new() { FirstRetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(5), Parallelism = 2 };

    [Fact]
    public async Task Posts_programme_sellers_sales_refunds_income_then_settles_in_batches_of_at_most_5000()
    {
        var plan = ParsedPlan.Of(0.0001m).Plan;
        var gateway = new FakeGateway();

        var report = await ScenarioPoster.PostAsync(gateway.Client(), plan, Quick, CancellationToken.None);

        Assert.Equal("PUT /api/programmes/poverty-832", gateway.Calls[0]);
        Assert.Equal("POST /api/admin/settle", gateway.Calls[^1]);
        var order = gateway.Calls.Select(c => c.Split('/')[2]).Distinct().ToList();
        Assert.Equal(["programmes", "sellers", "sales", "refunds", "income", "admin"], order);
        Assert.All(gateway.BatchSizes, n => Assert.InRange(n, 1, 5_000));
        Assert.Equal(plan.Sellers.Count, report.SellersCreated);
        Assert.Equal(plan.SaleCount, report.Sales.Accepted);
        Assert.Equal(plan.Refunds.LongCount(), report.Refunds.Accepted);
        Assert.Equal(plan.Income.Count, report.Income.Accepted);
        Assert.Equal(0, report.Retries);
        Assert.NotNull(report.SettledAsOf);
    }

    [Fact]
    public async Task A_rerun_is_all_duplicates()
    {
        var plan = ParsedPlan.Of(0.00003m).Plan;
        var gateway = new FakeGateway();
        await ScenarioPoster.PostAsync(gateway.Client(), plan, Quick, CancellationToken.None);

        var again = await ScenarioPoster.PostAsync(gateway.Client(), plan, Quick, CancellationToken.None);

        Assert.Equal(0, again.SellersCreated);
        Assert.Equal(0, again.Sales.Accepted);
        Assert.Equal(plan.SaleCount, again.Sales.Duplicates);
        Assert.Equal(again.Refunds.Sent, again.Refunds.Duplicates);
    }

    [Fact]
    public async Task Retries_on_503_and_on_a_failed_connection_and_counts_every_line_once()
    {
        var plan = ParsedPlan.Of(0.00003m).Plan;
        var gateway = new FakeGateway();
        gateway.Failures.Enqueue(FakeGateway.Failure.Unavailable);
        gateway.Failures.Enqueue(FakeGateway.Failure.ConnectionRefused);
        gateway.Failures.Enqueue(FakeGateway.Failure.Unavailable);

        var report = await ScenarioPoster.PostAsync(gateway.Client(), plan, Quick, CancellationToken.None);

        Assert.Equal(3, report.Retries);
        Assert.Equal(plan.SaleCount, report.Sales.Accepted);
        Assert.Equal(0, report.Sales.Duplicates);
    }

    [Fact]
    public async Task Gives_up_after_the_retry_bound_with_a_clear_message()
    {
        var plan = ParsedPlan.Of(0.00003m).Plan;
        var gateway = new FakeGateway();
        for (var i = 0; i < 3; i++)
        {
            gateway.Failures.Enqueue(FakeGateway.Failure.Unavailable);
        }

        var error = await Assert.ThrowsAsync<ScenarioPostException>(() =>
            ScenarioPoster.PostAsync(gateway.Client(), plan, Quick with { MaxAttempts = 3 }, CancellationToken.None));

        Assert.Contains("programme: gave up after 3 attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_line_stops_the_run_and_names_the_line_and_the_reason()
    {
        var plan = ParsedPlan.Of(0.00003m).Plan;
        var victim = plan.Sales.Skip(7).First().SaleId;
        var gateway = new FakeGateway();
        gateway.RejectSaleIds.Add(victim);

        var error = await Assert.ThrowsAsync<ScenarioRejectedException>(() =>
            ScenarioPoster.PostAsync(gateway.Client(), plan, Quick, CancellationToken.None));

        Assert.Equal("sales", error.Kind);
        Assert.Contains("line 7", error.Message, StringComparison.Ordinal);
        Assert.Contains($"sale {victim} refused", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(gateway.Calls, c => c.Contains("refunds", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refuses_batches_larger_than_5000()
    {
        var plan = ParsedPlan.Of(0.00003m).Plan;

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            ScenarioPoster.PostAsync(new FakeGateway().Client(), plan, Quick with { BatchSize = 5_001 }, CancellationToken.None));
    }
}
