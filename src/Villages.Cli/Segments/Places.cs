using Villages.Cli.Reference;

namespace Villages.Cli.Segments;

/// <summary>The counties each story happens in, checked against the reference data so a wrong list fails loudly.</summary>
internal sealed record Places(
    IReadOnlyList<string> UrumqiDistricts,
    string Bachu,
    IReadOnlyList<string> AksuAppleCounties,
    IReadOnlyList<string> PovertyCountiesOutsideXinjiang)
{
    public const string Xinjiang = "65";
    public const string AksuPrefecture = "6529";

    public IReadOnlySet<string> AllCounties =>
        UrumqiDistricts.Append(Bachu).Concat(AksuAppleCounties).Concat(PovertyCountiesOutsideXinjiang).ToHashSet(StringComparer.Ordinal);

    public static Places From(ReferenceData reference)
    {
        // Urumqi's districts: Xinjiang enterprises whose sales are not the 832 programme's.
        string[] urumqi = ["650102", "650103", "650104", "650105", "650106", "650107", "650109", "650121"];
        var districts = urumqi.Where(c => reference.HasTownships(c) && !reference.Poverty832Set.Contains(c)).ToList();
        const string bachu = "653130";
        string[] aksu = ["652901", "652922"];
        var outside = reference.Poverty832.Where(c => !c.StartsWith(Xinjiang, StringComparison.Ordinal) && reference.HasTownships(c)).ToList();

        Require(districts.Count > 0, "no Urumqi district (6501xx) with townships outside the 832 list");
        Require(reference.Poverty832Set.Contains(bachu) && reference.HasTownships(bachu), "Bachu (653130) must be on the 832 list and have townships");
        Require(aksu.All(c => reference.HasTownships(c) && !reference.Poverty832Set.Contains(c)), "Aksu city (652901) and Wensu (652922) must have townships and not be on the 832 list");
        Require(outside.Count > 0, "no 832 county outside Xinjiang has townships");
        return new Places(districts, bachu, aksu, outside);
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidDataException($"The reference data does not fit the scenario: {what}.");
        }
    }
}
