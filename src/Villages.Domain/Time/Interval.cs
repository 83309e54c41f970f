namespace Villages.Domain.Time;

/// <summary>The calendar buckets figures are kept in, coarsest last.</summary>
public enum Interval
{
    Hour = 0,
    Day = 1,
    Month = 2,
    Year = 3,
}

public static class IntervalNames
{
    public static bool TryParse(string? text, out Interval interval)
    {
        switch (text)
        {
            case "hour": interval = Interval.Hour; return true;
            case "day": interval = Interval.Day; return true;
            case "month": interval = Interval.Month; return true;
            case "year": interval = Interval.Year; return true;
            default: interval = default; return false;
        }
    }
}
