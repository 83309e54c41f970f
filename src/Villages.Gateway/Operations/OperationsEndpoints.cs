using Villages.Abstractions;
using Villages.Abstractions.Rollup;
using Villages.Gateway.Contract;

namespace Villages.Gateway.Operations;

/// <summary>POST /api/admin/settle, /health and /alive.</summary>
public static class OperationsEndpoints
{
    public static void MapOperations(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/admin/settle", async (IGrainFactory grains) =>
        {
            await Task.WhenAll(grains.Ledgers().Select(l => l.Settle()));
            return Results.Ok(new SettledJson(true, Times.AsOf(await grains.GetGrain<IFreshnessGrain>(0).AsOf())));
        }).WithTags("Operations").WithSummary("Returns once every level reflects every line acknowledged before the call");

        app.MapGet("/api/admin/silos", async (IGrainFactory grains) =>
        {
            // Which silos are active and how many grain activations each holds: how an operator sees a new silo take work.
            var management = grains.GetGrain<IManagementGrain>(0);
            var hosts = await management.GetHosts(onlyActive: true);
            var addresses = hosts.Keys.ToArray();
            var statistics = await management.GetRuntimeStatistics(addresses);
            return Results.Ok(addresses.Select((a, i) => new SiloJson(a.ToParsableString(), hosts[a].ToString(), statistics[i].ActivationCount)).ToList());
        }).WithTags("Operations").WithSummary("The active silos and their activation counts");

        app.MapGet("/alive", () => Results.Ok(new { status = "alive" })).WithTags("Operations");
        app.MapGet("/health", async (IGrainFactory grains, CancellationToken aborted) =>
        {
            try
            {
                await grains.GetGrain<IFreshnessGrain>(0).AsOf().WaitAsync(TimeSpan.FromSeconds(5), aborted);
                return Results.Ok(new { status = "healthy" });
            }
            catch (Exception e) when (e is not OperationCanceledException || !aborted.IsCancellationRequested)
            {
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready", detail: e.Message);
            }
        }).WithTags("Operations");
    }
}
