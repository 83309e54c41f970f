using Villages.Abstractions;
using Villages.Abstractions.Registry;
using Villages.Domain.Regions;
using Villages.Gateway.Contract;
using Villages.Gateway.Csv;

namespace Villages.Gateway.Registry;

public sealed record RegionBody(string? Name);

public sealed record SellerBody(string? Name, string? VillageCode, string? Kind, int? Members);

public sealed record ProgrammeBody(string? Name, List<string>? Members);

/// <summary>PUT /api/regions/{code}, PUT and GET /api/sellers/{id}, PUT /api/programmes/{id}.</summary>
public static class RegistryEndpoints
{
    public static void MapRegistry(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Registry");

        group.MapPut("/regions/{code}", async (string code, RegionBody? body, IGrainFactory grains) =>
        {
            if (!RegionCode.IsValid(code) || code == RegionCode.Nation)
            {
                return Problems.Invalid("code", "must be a division code of 2, 4, 6, 9 or 12 digits");
            }

            if (string.IsNullOrWhiteSpace(body?.Name))
            {
                return Problems.Invalid("name", "is required");
            }

            await grains.Region(code).Rename(body.Name);
            return Results.Ok(new RegionJson(code, LevelNames.Name(RegionCode.LevelOf(code)), body.Name, RegionCode.Parent(code)));
        }).WithSummary("Name a region");

        group.MapPut("/sellers/{sellerId}", async (string sellerId, SellerBody? body, IGrainFactory grains) =>
        {
            var errors = Validate(sellerId, body, out var profile);
            if (errors.Count > 0)
            {
                return Problems.Invalid(errors);
            }

            var outcome = await grains.LedgerOf(sellerId).RegisterSeller(profile!);
            var json = new SellerProfileJson(profile!.SellerId, profile.Name, profile.VillageCode, KindName(profile.Kind), profile.Members);
            return outcome switch
            {
                RegistrationOutcome.Created => Results.Created($"/api/sellers/{Uri.EscapeDataString(sellerId)}", json),
                RegistrationOutcome.WouldMoveSellerWithSales => Problems.Conflict(
                    $"Seller '{sellerId}' already has sales in its village; it cannot move to {profile.VillageCode}."),
                _ => Results.Ok(json),
            };
        }).WithSummary("Register or update a seller account");

        group.MapGet("/sellers/{sellerId}", async (string sellerId, HttpRequest request, IGrainFactory grains) =>
        {
            var seller = grains.Seller(sellerId);
            var summary = await seller.Summary();
            var profile = await seller.Profile();
            if (summary is null || profile is null)
            {
                return Problems.NotFound($"Seller '{sellerId}'");
            }

            var s = ScopeJson.From(summary);
            var json = new SellerJson(s.Id, s.Level, s.Name, s.Parent, s.AsOf, s.Totals, s.Sellers, profile.VillageCode, KindName(profile.Kind), profile.Members);
            return CsvResult.Answer(request, json, () => CsvResult.Scopes([s]));
        }).WithSummary("A seller's profile and lifetime totals");

        group.MapPut("/programmes/{id}", async (string id, ProgrammeBody? body, IGrainFactory grains) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(body?.Name))
            {
                errors["name"] = ["is required"];
            }

            if (body?.Members is null)
            {
                errors["members"] = ["is required: a list of region codes"];
            }
            else if (body.Members.FirstOrDefault(m => !RegionCode.IsValid(m)) is { } bad)
            {
                errors["members"] = [$"'{bad}' is not a division code (2, 4, 6, 9 or 12 digits, or CN)"];
            }

            if (errors.Count > 0)
            {
                return Problems.Invalid(errors);
            }

            await grains.Programme(id).Define(body!.Name!, body.Members!);
            return Results.Ok(new ProgrammeJson(id, body.Name!, body.Members!));
        }).WithSummary("Define a programme as a set of regions");
    }

    private static Dictionary<string, string[]> Validate(string sellerId, SellerBody? body, out SellerProfile? profile)
    {
        profile = null;
        var errors = new Dictionary<string, string[]>();
        if (sellerId.Length > 128)
        {
            errors["sellerId"] = ["must be at most 128 characters"];
        }

        if (string.IsNullOrWhiteSpace(body?.Name))
        {
            errors["name"] = ["is required"];
        }

        if (body?.VillageCode is null)
        {
            errors["villageCode"] = ["is required"];
        }
        else if (!RegionCode.IsVillage(body.VillageCode))
        {
            errors["villageCode"] = ["must be a 12-digit village code"];
        }

        SellerKind kind = default;
        if (body?.Kind is null)
        {
            errors["kind"] = ["is required: household, cooperative or enterprise"];
        }
        else if (!TryKind(body.Kind, out kind))
        {
            errors["kind"] = [$"'{body.Kind}' is not one of: household cooperative enterprise"];
        }

        if (body?.Members is null)
        {
            errors["members"] = ["is required"];
        }
        else if (body.Members < (kind == SellerKind.Household ? 1 : 0))
        {
            errors["members"] = [kind == SellerKind.Household ? "a household has at least one member" : "must not be negative"];
        }

        if (errors.Count == 0)
        {
            profile = new SellerProfile(sellerId, body!.Name!, body.VillageCode!, kind, body.Members!.Value);
        }

        return errors;
    }

    private static bool TryKind(string text, out SellerKind kind)
    {
        kind = text switch { "household" => SellerKind.Household, "cooperative" => SellerKind.Cooperative, "enterprise" => SellerKind.Enterprise, _ => (SellerKind)(-1) };
        return (int)kind >= 0;
    }

    private static string KindName(SellerKind kind) => kind.ToString().ToLowerInvariant();
}
