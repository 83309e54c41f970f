using CsCheck;
using Villages.Domain.Catalog;
using Villages.Domain.Figures;
using Villages.Domain.Time;

namespace Villages.Domain.Tests.Figures.Support;

/// <summary>Random query ranges and slices; ranges reach past the data on both sides.</summary>
internal static class Queries
{
    private static readonly long FirstTick = new DateTime(2014, 7, 1).Ticks;
    private static readonly long LastTick = new DateTime(2020, 7, 1).Ticks;

    /// <summary>A CST wall-clock bound: arbitrary to the tick, or on an hour, day, month or year edge.</summary>
    public static readonly Gen<DateTime> Bounds =
        Gen.Select(Gen.Long[FirstTick, LastTick], Gen.Int[0, 5])
            .Select((ticks, align) =>
            {
                var t = new DateTime(ticks, DateTimeKind.Unspecified);
                return align < 4 ? Cst.Floor((Interval)align, t) : t;
            });

    public static readonly Gen<(DateTime From, DateTime To)> Ranges =
        Gen.Select(Bounds, Bounds).Select((a, b) => a <= b ? (a, b) : (b, a));

    /// <summary>Ranges of up to ten days, short enough for an hourly series.</summary>
    public static readonly Gen<(DateTime From, DateTime To)> ShortRanges =
        Gen.Select(Bounds, Gen.Long[0, TimeSpan.TicksPerDay * 10], Gen.Bool)
            .Select((from, length, aligned) => (from, aligned ? from.AddHours(Math.Ceiling((double)length / TimeSpan.TicksPerHour)) : from.AddTicks(length)));

    // Suning, nuts and durian never occur in the data, so slices that match nothing are asked for too.
    public static readonly Gen<Slice> Slices = Gen.Frequency(
        (1, Gen.Const(Slice.Everything)),
        (3, Gen.Select(
            Gen.OneOf<Platform?>(null, Platform.Taobao, Platform.Jd, Platform.Wechat, Platform.Suning),
            Gen.OneOf<Category?>(null, Category.Fruit, Category.Grain, Category.Textile, Category.Nuts),
            Gen.OneOf<string?>(null, "melon", "apple", "quilt", "durian"),
            (p, c, product) => new Slice(p, c, product))));
}
