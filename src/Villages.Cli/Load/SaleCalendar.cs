using Villages.Domain.Time;

namespace Villages.Cli.Load;

/// <summary>
/// When a year's online sales happen, in CST: quieter over the Spring Festival, busier at harvest and towards the
/// year's end, with Double-11 (Nov 11, several percent of the year in one day, most of it right after midnight),
/// 618 (Jun 18) and Double-12 standing out, and a daily rhythm that sleeps at night and peaks in the evening.
/// </summary>
/// <remarks>Integer weights and integer draws only, so the same seed gives the same times on every machine.</remarks>
internal sealed class SaleCalendar
{
    // Relative weight of each month's ordinary days, January first.
    private static readonly int[] MonthWeights = [100, 70, 90, 95, 100, 110, 95, 100, 110, 115, 130, 130];

    // Sales by hour of an ordinary day, 00:00 first.
    private static readonly int[] OrdinaryHours = [30, 15, 8, 5, 4, 5, 10, 25, 45, 60, 75, 70, 60, 65, 70, 72, 70, 60, 55, 70, 90, 100, 90, 60];

    // A festival opens at midnight: carts filled in the days before are paid in the first hour.
    private static readonly int[] FestivalHours = [900, 250, 80, 30, 15, 15, 25, 45, 70, 90, 100, 95, 85, 90, 95, 95, 90, 80, 75, 90, 110, 120, 110, 90];

    private readonly DateTime _start;
    private readonly long[] _dayCumulative;
    private readonly bool[] _festival;
    private readonly long[] _ordinaryCumulative = Cumulative(OrdinaryHours);
    private readonly long[] _festivalCumulative = Cumulative(FestivalHours);

    public SaleCalendar(int year)
    {
        _start = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var days = DateTime.IsLeapYear(year) ? 366 : 365;
        var weights = new int[days];
        _festival = new bool[days];
        for (var d = 0; d < days; d++)
        {
            var date = _start.AddDays(d);
            weights[d] = DayWeight(date);
            _festival[d] = date is { Month: 11, Day: 11 } or { Month: 6, Day: 18 } or { Month: 12, Day: 12 };
        }

        _dayCumulative = Cumulative(weights);
    }

    /// <summary>A day's weight: its month's, or a festival's and its eve's and morrow's.</summary>
    public static int DayWeight(DateTime date) => (date.Month, date.Day) switch
    {
        (11, 11) => 2_500,
        (11, 10) => 300,
        (11, 12) => 400,
        (6, 18) => 1_200,
        (6, 17) or (6, 19) => 250,
        (12, 12) => 500,
        _ => MonthWeights[date.Month - 1],
    };

    /// <summary>A whole-second instant of the year, carried with the +08:00 offset.</summary>
    public DateTimeOffset Sample(Random random)
    {
        var day = Pick(_dayCumulative, random);
        var hour = Pick(_festival[day] ? _festivalCumulative : _ordinaryCumulative, random);
        return Cst.Instant(_start.AddDays(day).AddHours(hour).AddSeconds(random.Next(3600)));
    }

    private static int Pick(long[] cumulative, Random random)
    {
        var x = random.NextInt64(cumulative[^1]);
        var i = Array.BinarySearch(cumulative, x + 1);
        return i < 0 ? ~i : i;
    }

    private static long[] Cumulative(int[] weights)
    {
        var cumulative = new long[weights.Length];
        long sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            cumulative[i] = sum;
        }

        return cumulative;
    }
}
