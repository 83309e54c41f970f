using System.IO.Compression;
using Villages.Cli.Reference;
using Villages.Domain.Regions;

namespace Villages.Cli.Load;

/// <summary>
/// Every village a load run may place a seller in: the codes of a villages file when one is given (the nationwide
/// file lists 620,573), else codes synthesised under the real rural townships the way <see cref="VillageSource"/>
/// makes them (township + 2xx), a fixed number per township so the set is the same on every machine.
/// </summary>
internal sealed class VillageUniverse
{
    // About the real average (620,573 villages under 41,352 townships), so synthesised runs spread alike.
    public const int SynthesisedPerTownship = 15;

    private VillageUniverse(string[] codes, string description)
    {
        Codes = codes;
        Description = description;
    }

    /// <summary>Distinct 12-digit codes in ordinal order, so placement depends only on the seed.</summary>
    public IReadOnlyList<string> Codes { get; }

    public string Description { get; }

    public static VillageUniverse Synthesised(ReferenceData reference)
    {
        var codes = new List<string>();
        var townships = 0;
        foreach (var county in reference.Counties)
        {
            foreach (var township in reference.RuralTownships(county))
            {
                townships++;
                for (var i = 0; i < SynthesisedPerTownship; i++)
                {
                    codes.Add($"{township}{200 + i:D3}");
                }
            }
        }

        return new VillageUniverse([.. codes.Where(RegionCode.IsVillage).Order(StringComparer.Ordinal)], $"synthesised under {townships:N0} real townships");
    }

    /// <summary>Reads the first column of a villages CSV (code,name,townshipCode,...; optionally .gz); codes are never quoted.</summary>
    public static VillageUniverse FromFile(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        _ = reader.ReadLine();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var comma = line.IndexOf(',');
            var code = comma < 0 ? line.TrimEnd('\r') : line[..comma];
            if (RegionCode.IsVillage(code))
            {
                codes.Add(code);
            }
        }

        return codes.Count > 0
            ? new VillageUniverse([.. codes.Order(StringComparer.Ordinal)], $"from {Path.GetFileName(path)}")
            : throw new InvalidDataException($"'{path}' lists no 12-digit village codes in its first column.");
    }
}
