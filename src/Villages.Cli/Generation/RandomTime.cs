using Villages.Domain.Time;

namespace Villages.Cli.Generation;

/// <summary>Whole-second instants in a half-open window of China Standard Time, carried with the +08:00 offset.</summary>
internal static class RandomTime
{
    public static DateTimeOffset Between(Random random, DateTime fromCst, DateTime toCst)
    {
        var seconds = (long)(toCst - fromCst).TotalSeconds;
        return Cst.Instant(fromCst.AddSeconds(random.NextInt64(seconds)));
    }

    public static DateTime Date(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, DateTimeKind.Unspecified);
}
