using Microsoft.AspNetCore.Diagnostics;
using Orleans.Configuration;
using Villages.Gateway.Ingest;
using Villages.Gateway.Operations;
using Villages.Gateway.Queries;
using Villages.Gateway.Registry;
using Villages.Hosting;
using Villages.Hosting.Configuration;

var builder = WebApplication.CreateBuilder(args);

// The mode's settings file in silo-config/ is the base; appsettings, environment variables and the command line override it.
var mode = Option(args, "--mode") ?? Environment.GetEnvironmentVariable("VILLAGES_MODE") ?? "embedded";
if (mode is not ("embedded" or "cluster"))
{
    Console.Error.WriteLine($"villages gateway: --mode '{mode}' is not a mode; use embedded or cluster");
    return 2;
}

builder.Configuration.Sources.Insert(0, SettingsFiles.For($"{mode}.json"));
builder.WebHost.UseUrls(builder.Configuration["urls"] ?? builder.Configuration["Villages:Urls"] ?? "http://localhost:5080");

VillagesSettings settings;
try
{
    settings = VillagesSettings.From(builder.Configuration, Option(args, "--data"));
    if (mode == "embedded")
    {
        // One process: the silo is co-hosted and the gateway calls it in-process.
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(
                siloPort: builder.Configuration.GetValue("Villages:SiloPort", 11111),
                gatewayPort: builder.Configuration.GetValue("Villages:GatewayPort", 30000),
                serviceId: settings.ServiceId,
                clusterId: settings.ClusterId)
            .AddVillages(settings));
    }
    else
    {
        // A cluster: this process is an Orleans client that finds silos through the membership table.
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            })
            .UseVillagesClustering(settings));
    }
}
catch (SettingsException e)
{
    Console.Error.WriteLine($"villages gateway: {e.Message}");
    return 2;
}

builder.Services.AddProblemDetails();

// Body-binding failures reach the exception handler below, which names the field.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "Villages gateway";
    document.Info.Version = "v1";
    document.Info.Description =
        "Online sales of farmers in poor villages, rolled up live to every level. Money is yuan with at most two decimals, "
        + "exact to the fen; times in responses are China Standard Time. `customers` counts distinct buyers with a "
        + "HyperLogLog sketch: exact up to 1,024 buyers in a cell, beyond that a relative standard error of 0.81% "
        + "(2^14 registers), so within 2% in about 99% of answers.";
    return Task.CompletedTask;
}));

var app = builder.Build();
app.UseExceptionHandler(errors => errors.Run(async context =>
{
    // A silo that is gone, a store that is down or a ledger that stepped aside is worth retrying: say so, and keep the client's retry safe (idempotent keys).
    var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
    if (error is BadHttpRequestException { InnerException: System.Text.Json.JsonException json })
    {
        // A body that does not bind (a string where a number belongs, broken JSON): name the field, as every 400 does.
        var field = json.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
        await Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [json.Message.Split(" Path:")[0]] }).ExecuteAsync(context);
        return;
    }

    var transient = RetryableFailures.Includes(error);
    var status = error is BadHttpRequestException bad ? bad.StatusCode : transient ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
    if (status == StatusCodes.Status503ServiceUnavailable)
    {
        context.Response.Headers.RetryAfter = "1";
    }

    await Results.Problem(statusCode: status, title: status == 503 ? "Temporarily unavailable; retry" : "The request failed", detail: error?.Message)
        .ExecuteAsync(context);
}));
app.UseStatusCodePages();
app.MapOpenApi();
app.MapRegistry();
app.MapIngest();
app.MapQueries();
app.MapOperations();
try
{
    await app.RunAsync();
}
catch (SettingsException e)
{
    Console.Error.WriteLine($"villages gateway: {e.Message}");
    return 2;
}

return 0;

static string? Option(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

/// <summary>Exposed for WebApplicationFactory in the HTTP tests.</summary>
public partial class Program;
