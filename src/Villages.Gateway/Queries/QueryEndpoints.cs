using Villages.Abstractions;
using Villages.Abstractions.Queries;
using Villages.Domain.Regions;
using Villages.Domain.Time;
using Villages.Gateway.Contract;
using Villages.Gateway.Csv;

namespace Villages.Gateway.Queries;

/// <summary>
/// GET /api/{scope}, /series, /income for sellers, regions and programmes, and /api/regions/{code}/children.
/// Every answer is JSON, or CSV when asked.
/// </summary>
public static class QueryEndpoints
{
    public static void MapQueries(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Queries");

        group.MapGet("/regions/{code}", (string code, HttpRequest request, IGrainFactory grains) =>
            Summary(request, Region(code, grains), $"Region '{code}'")).WithSummary("A region's lifetime totals (CN for the nation)");
        group.MapGet("/programmes/{id}", (string id, HttpRequest request, IGrainFactory grains) =>
            Summary(request, grains.Programme(id), $"Programme '{id}'")).WithSummary("A programme's lifetime totals");

        group.MapGet("/sellers/{id}/series", (string id, HttpRequest request, IGrainFactory grains) =>
            Series(request, id, grains.Seller(id), $"Seller '{id}'")).WithSummary("A seller's figures by hour, day, month or year");
        group.MapGet("/regions/{code}/series", (string code, HttpRequest request, IGrainFactory grains) =>
            Series(request, code, Region(code, grains), $"Region '{code}'")).WithSummary("A region's figures by hour, day, month or year");
        group.MapGet("/programmes/{id}/series", (string id, HttpRequest request, IGrainFactory grains) =>
            Series(request, id, grains.Programme(id), $"Programme '{id}'")).WithSummary("A programme's figures by hour, day, month or year");

        group.MapGet("/sellers/{id}/income", (string id, HttpRequest request, IGrainFactory grains) =>
            Income(request, id, grains.Seller(id), $"Seller '{id}'")).WithSummary("A household's income against the poverty line");
        group.MapGet("/regions/{code}/income", (string code, HttpRequest request, IGrainFactory grains) =>
            Income(request, code, Region(code, grains), $"Region '{code}'")).WithSummary("Households' income against the poverty line");
        group.MapGet("/programmes/{id}/income", (string id, HttpRequest request, IGrainFactory grains) =>
            Income(request, id, grains.Programme(id), $"Programme '{id}'")).WithSummary("Households' income against the poverty line");

        group.MapGet("/regions/{code}/children", Children).WithSummary("The regions below one (below a village, its sellers), ranked by their totals over a range");
    }

    private static IRegionGrain? Region(string code, IGrainFactory grains) =>
        RegionCode.IsValid(code) ? grains.Region(code) : null;

    private static IResult BadCode() => Problems.Invalid("code", "must be CN or a division code of 2, 4, 6, 9 or 12 digits");

    private static async Task<IResult> Summary(HttpRequest request, IScopeGrain? scope, string what)
    {
        if (scope is null)
        {
            return BadCode();
        }

        if (await scope.Summary() is not { } summary)
        {
            return Problems.NotFound(what);
        }

        var json = ScopeJson.From(summary);
        return CsvResult.Answer(request, json, () => CsvResult.Scopes([json]));
    }

    private static async Task<IResult> Series(HttpRequest request, string id, IScopeGrain? scope, string what)
    {
        if (scope is null)
        {
            return BadCode();
        }

        var errors = new Dictionary<string, string[]>();
        var query = QueryParameters.Series(request, errors);
        if (query is null)
        {
            return Problems.Invalid(errors);
        }

        if (await scope.Summary() is null)
        {
            return Problems.NotFound(what);
        }

        var points = await scope.Series(query);
        var json = new SeriesJson(
            id,
            ((Interval)query.Interval).ToString().ToLowerInvariant(),
            Cst.Format(query.From),
            Cst.Format(query.To),
            points.Select(SeriesPointJson.From).ToList());
        return CsvResult.Answer(request, json, () => CsvResult.Series(json));
    }

    private static async Task<IResult> Income(HttpRequest request, string id, IScopeGrain? scope, string what)
    {
        if (scope is null)
        {
            return BadCode();
        }

        if (!int.TryParse(request.Query["year"], out var year) || year is < 1970 or > 2199)
        {
            return Problems.Invalid("year", "is required: a year such as 2017");
        }

        if (await scope.Summary() is null)
        {
            return Problems.NotFound(what);
        }

        var json = IncomeJson.From(id, await scope.Income(year));
        return CsvResult.Answer(request, json, () => CsvResult.Income(json));
    }

    private static async Task<IResult> Children(string code, HttpRequest request, IGrainFactory grains)
    {
        if (Region(code, grains) is not { } region)
        {
            return BadCode();
        }

        var errors = new Dictionary<string, string[]>();
        QueryParameters.TryRange(request, required: false, out var from, out var to, errors);
        var sort = request.Query["sort"].ToString() is { Length: > 0 } s ? s : "net";
        Func<ScopeJson, decimal>? key = sort switch
        {
            "net" => c => c.Totals.Net,
            "gross" => c => c.Totals.Gross,
            "items" => c => c.Totals.Items,
            "customers" => c => c.Totals.Customers,
            _ => null,
        };
        if (key is null)
        {
            errors["sort"] = ["must be one of: net gross items customers"];
        }

        var top = int.MaxValue;
        if (request.Query["top"].ToString() is { Length: > 0 } t && (!int.TryParse(t, out top) || top < 1))
        {
            errors["top"] = ["must be a positive whole number"];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (await region.Summary() is null)
        {
            return Problems.NotFound($"Region '{code}'");
        }

        var children = (await region.Children(from, to))
            .Select(ScopeJson.From)
            .OrderByDescending(key!)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(top)
            .ToList();
        var json = new ChildrenJson(code, from is { } f ? Cst.Format(f) : null, to is { } u ? Cst.Format(u) : null, sort, children);
        return CsvResult.Answer(request, json, () => CsvResult.Scopes(children));
    }
}
