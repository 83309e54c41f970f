using System.Globalization;
using System.Text;
using Villages.Abstractions.Registry;

namespace Villages.Cli.Load;

/// <summary>
/// What a run posts, as files another program replays (the PostgreSQL baseline reads them, so the format is a
/// contract, documented in the usage text): <c>sellers.csv</c> with the header <c>sellerId,villageCode,kind,members</c>,
/// and <c>sales-000001.json</c>, … each exactly the JSON-array body of one POST /api/sales, in posting order.
/// </summary>
public static class SavedPlan
{
    public const string SellersFile = "sellers.csv";
    public const string SellersHeader = "sellerId,villageCode,kind,members";

    /// <summary>Creates the folder; refuses one that already holds batches, whose leftovers would be replayed as this run's.</summary>
    public static void Prepare(string folder)
    {
        Directory.CreateDirectory(folder);
        if (Directory.EnumerateFiles(folder, "sales-*.json").FirstOrDefault() is { } old)
        {
            throw new IOException($"--save {folder} already holds {Path.GetFileName(old)}; give an empty or new folder.");
        }
    }

    public static string BatchFile(long number) => $"sales-{number.ToString("D6", CultureInfo.InvariantCulture)}.json";

    /// <summary>Seller ids and village codes never hold a comma or a quote, so no field needs quoting.</summary>
    public static void WriteSellers(string folder, IEnumerable<SellerProfile> sellers)
    {
        using var writer = new StreamWriter(Path.Combine(folder, SellersFile), false, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(SellersHeader);
        foreach (var s in sellers)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.SellerId},{s.VillageCode},{s.Kind.ToString().ToLowerInvariant()},{s.Members}"));
        }
    }

    public static void WriteBatch(string folder, LoadBatch batch) => File.WriteAllBytes(Path.Combine(folder, BatchFile(batch.Number)), batch.Body);
}
