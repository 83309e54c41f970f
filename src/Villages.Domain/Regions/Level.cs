namespace Villages.Domain.Regions;

public enum Level
{
    Seller,
    Village,
    Township,
    County,
    Prefecture,
    Province,
    Nation,
    Programme,
}

public static class LevelNames
{
    public static string Name(Level level) => level switch
    {
        Level.Seller => "seller",
        Level.Village => "village",
        Level.Township => "township",
        Level.County => "county",
        Level.Prefecture => "prefecture",
        Level.Province => "province",
        Level.Nation => "nation",
        Level.Programme => "programme",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };
}
