using System.Globalization;

namespace Villages.Domain.Time;

/// <summary>
/// China Standard Time (UTC+8, no daylight saving) and the bucket numbering used everywhere:
/// hours and days since 1970-01-01 00:00 CST, months since January 1970, and plain years.
/// A CST wall-clock time is carried as a <see cref="DateTime"/> of kind Unspecified.
/// </summary>
public static class Cst
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);
    private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public static DateTime WallClock(DateTimeOffset instant) =>
        DateTime.SpecifyKind(instant.UtcDateTime + Offset, DateTimeKind.Unspecified);

    public static DateTimeOffset Instant(DateTime wallClock) => new(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), Offset);

    public static int HourOf(DateTimeOffset instant) => BucketOf(Interval.Hour, WallClock(instant));

    public static DateTime HourStart(int hour) => Epoch.AddHours(hour);

    /// <summary>The index of the bucket of <paramref name="interval"/> holding a CST wall-clock time.</summary>
    public static int BucketOf(Interval interval, DateTime wallClock) => interval switch
    {
        Interval.Hour => FloorDivide((wallClock - Epoch).Ticks, TimeSpan.TicksPerHour),
        Interval.Day => FloorDivide((wallClock - Epoch).Ticks, TimeSpan.TicksPerDay),
        Interval.Month => ((wallClock.Year - 1970) * 12) + wallClock.Month - 1,
        Interval.Year => wallClock.Year,
        _ => throw new ArgumentOutOfRangeException(nameof(interval)),
    };

    // In integers: TotalHours/TotalDays are doubles that round the last tick of a bucket up into the next one.
    private static int FloorDivide(long ticks, long ticksPerBucket)
    {
        var quotient = Math.DivRem(ticks, ticksPerBucket, out var remainder);
        return (int)(remainder < 0 ? quotient - 1 : quotient);
    }

    public static DateTime BucketStart(Interval interval, int bucket) => interval switch
    {
        Interval.Hour => Epoch.AddHours(bucket),
        Interval.Day => Epoch.AddDays(bucket),
        Interval.Month => Epoch.AddMonths(bucket),
        Interval.Year => new DateTime(bucket, 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
        _ => throw new ArgumentOutOfRangeException(nameof(interval)),
    };

    public static DateTime Floor(Interval interval, DateTime wallClock) => BucketStart(interval, BucketOf(interval, wallClock));

    public static DateTime Next(Interval interval, DateTime start) => interval switch
    {
        Interval.Hour => start.AddHours(1),
        Interval.Day => start.AddDays(1),
        Interval.Month => start.AddMonths(1),
        Interval.Year => start.AddYears(1),
        _ => throw new ArgumentOutOfRangeException(nameof(interval)),
    };

    public static bool IsAligned(Interval interval, DateTime wallClock) => Floor(interval, wallClock) == wallClock;

    /// <summary>ISO-8601 with the +08:00 offset, as responses show times.</summary>
    public static string Format(DateTime wallClock) =>
        Instant(wallClock).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// A query bound: a CST date (2017-11-11) or date-time (2017-11-11T12:00[:ss]); an explicit offset is also honoured.
    /// </summary>
    public static bool TryParseQueryTime(string? text, out DateTime wallClock)
    {
        wallClock = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string[] local = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM", "yyyy"];
        if (DateTime.TryParseExact(text, local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            wallClock = DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified);
            return true;
        }

        if (EventTime.TryParse(text, out var instant, out _))
        {
            wallClock = WallClock(instant);
            return true;
        }

        return false;
    }
}
