using Villages.Domain.Catalog;

namespace Villages.Domain.Figures;

/// <summary>Which part of the figures a query wants: any combination of one platform, one category, one product.</summary>
public readonly record struct Slice(Platform? Platform, Category? Category, string? Product)
{
    public static readonly Slice Everything = default;

    public bool IsEverything => Platform is null && Category is null && Product is null;
}
