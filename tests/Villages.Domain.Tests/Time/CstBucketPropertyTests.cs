using CsCheck;
using Villages.Domain.Time;

namespace Villages.Domain.Tests.Time;

public class CstBucketPropertyTests
{
    private static readonly Interval[] AllIntervals = [Interval.Hour, Interval.Day, Interval.Month, Interval.Year];

    private static readonly long FirstTick = new DateTime(1990, 1, 1).Ticks;
    private static readonly long LastTick = new DateTime(2100, 1, 1).Ticks;

    // Uniform instants almost never land next to a boundary, where rounding mistakes live, so half are pushed there.
    private static readonly Gen<DateTime> WallClocks =
        Gen.Select(Gen.Long[FirstTick, LastTick], Gen.Enum<Interval>(), Gen.Int[-3, 3], Gen.Bool)
            .Select(t =>
            {
                var raw = new DateTime(t.Item1, DateTimeKind.Unspecified);
                return t.Item4 ? raw : Cst.Floor(t.Item2, raw).AddTicks(t.Item3);
            });

    [Fact]
    public void Every_instant_lies_in_the_bucket_whose_start_is_its_floor()
    {
        WallClocks.Sample(t =>
        {
            foreach (var interval in AllIntervals)
            {
                var floor = Cst.Floor(interval, t);
                Assert.Equal(floor, Cst.BucketStart(interval, Cst.BucketOf(interval, t)));
                Assert.True(floor <= t, $"{interval} floor {floor:O} is after {t:O}");
                Assert.True(t < Cst.Next(interval, floor), $"{interval} bucket from {floor:O} ends before {t:O}");
            }
        }, iter: 2_000);
    }

    [Fact]
    public void A_bucket_number_survives_the_trip_through_its_start()
    {
        WallClocks.Sample(t =>
        {
            foreach (var interval in AllIntervals)
            {
                var bucket = Cst.BucketOf(interval, t);
                var start = Cst.BucketStart(interval, bucket);
                Assert.Equal(bucket, Cst.BucketOf(interval, start));
                Assert.True(Cst.IsAligned(interval, start));
                Assert.Equal(bucket + 1, Cst.BucketOf(interval, Cst.Next(interval, start)));
            }
        }, iter: 2_000);
    }

    [Fact]
    public void The_hour_of_an_instant_is_the_hour_bucket_of_its_CST_wall_clock()
    {
        Gen.Select(WallClocks, Gen.Int[-14, 14]).Sample((wallClock, offsetHours) =>
        {
            var instant = Cst.Instant(wallClock).ToOffset(TimeSpan.FromHours(offsetHours));
            var hour = Cst.HourOf(instant);
            Assert.Equal(Cst.BucketOf(Interval.Hour, wallClock), hour);
            Assert.Equal(wallClock, Cst.WallClock(instant));
        }, iter: 2_000);
    }
}
