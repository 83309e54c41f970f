using System.IO.Compression;

namespace Villages.Cli.Reference;

/// <summary>
/// Places sellers in villages: a real township of the county, then a real village of it when a villages file was
/// given and lists one, else a synthesised code (township + 2xx, the range rural village committees use).
/// </summary>
internal sealed class VillageSource(ReferenceData reference, IReadOnlyDictionary<string, string[]> realVillagesByTownship)
{
    public static VillageSource Synthesised(ReferenceData reference) => new(reference, new Dictionary<string, string[]>());

    /// <summary>Reads a villages CSV (code,name,townshipCode,countyCode,...; optionally .gz), keeping only the given counties.</summary>
    public static VillageSource FromFile(ReferenceData reference, string path, IReadOnlySet<string> counties)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        var villages = Csv.Rows(reader)
            .Where(r => r.Length >= 1 && r[0].Length == 12 && r[0].All(char.IsAsciiDigit) && counties.Contains(r[0][..6]))
            .GroupBy(r => r[0][..9], r => r[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        return new VillageSource(reference, villages);
    }

    public string VillageIn(string county, Random random)
    {
        var townships = reference.RuralTownships(county);
        var township = townships[random.Next(townships.Count)];
        var number = random.Next(100);
        return realVillagesByTownship.TryGetValue(township, out var real) && real.Length > 0
            ? real[number % real.Length]
            : $"{township}{200 + number:D3}";
    }
}
