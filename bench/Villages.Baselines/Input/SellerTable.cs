using System.Globalization;
using Villages.Domain.Regions;

namespace Villages.Baselines.Input;

/// <summary>A registered seller as <c>sellers.csv</c> lists it.</summary>
internal sealed record SellerRow(string SellerId, string VillageCode, string Kind, int Members);

/// <summary>
/// <c>DIR/sellers.csv</c>: header <c>sellerId,villageCode,kind,members</c>, one seller a line. Ids and codes are plain
/// tokens (no commas or quotes), as the load generator writes them, so a split is enough.
/// </summary>
internal static class SellerTable
{
    public const string FileName = "sellers.csv";

    public static IReadOnlyDictionary<string, SellerRow> Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        using var reader = new StreamReader(path);
        var header = reader.ReadLine();
        if (header?.Trim() != "sellerId,villageCode,kind,members")
        {
            throw new InvalidDataException($"{path}: the header must be sellerId,villageCode,kind,members");
        }

        var sellers = new Dictionary<string, SellerRow>(StringComparer.Ordinal);
        var number = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != 4 || !RegionCode.IsVillage(fields[1])
                || !int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var members))
            {
                throw new InvalidDataException($"{path}:{number}: expected sellerId,villageCode(12 digits),kind,members");
            }

            sellers[fields[0]] = new SellerRow(fields[0], fields[1], fields[2], members);
        }

        return sellers;
    }
}
