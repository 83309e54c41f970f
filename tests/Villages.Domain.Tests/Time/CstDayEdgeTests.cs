using Villages.Domain.Time;

namespace Villages.Domain.Tests.Time;

public class CstDayEdgeTests
{
    private static readonly DateTime TenthOfNovember = new(2017, 11, 10);
    private static readonly DateTime EleventhOfNovember = new(2017, 11, 11);

    [Fact]
    public void A_sale_at_15_59_59Z_belongs_to_the_same_CST_day()
    {
        var instant = DateTimeOffset.Parse("2017-11-10T15:59:59Z");

        Assert.Equal(TenthOfNovember, Cst.Floor(Interval.Day, Cst.WallClock(instant)));
    }

    [Fact]
    public void A_sale_at_16_00Z_belongs_to_the_next_CST_day()
    {
        var instant = DateTimeOffset.Parse("2017-11-10T16:00:00Z");

        Assert.Equal(EleventhOfNovember, Cst.Floor(Interval.Day, Cst.WallClock(instant)));
    }

    [Fact]
    public void The_last_tick_before_16_00Z_is_still_the_previous_CST_day()
    {
        // Event times carry up to seven decimals, so the tick before midnight CST is a real input.
        var instant = DateTimeOffset.Parse("2017-11-10T15:59:59.9999999Z");

        Assert.Equal(TenthOfNovember, Cst.Floor(Interval.Day, Cst.WallClock(instant)));
        Assert.Equal(Cst.BucketOf(Interval.Day, EleventhOfNovember) - 1, Cst.BucketOf(Interval.Day, Cst.WallClock(instant)));
    }

    [Fact]
    public void The_last_tick_of_an_hour_is_in_that_hour()
    {
        var instant = DateTimeOffset.Parse("2017-11-10T15:59:59.9999999Z");

        Assert.Equal(new DateTime(2017, 11, 10, 23, 0, 0), Cst.HourStart(Cst.HourOf(instant)));
    }

    [Fact]
    public void An_instant_with_a_CST_offset_and_the_same_instant_in_UTC_share_their_hour()
    {
        var inCst = DateTimeOffset.Parse("2017-11-11T00:30:00+08:00");
        var inUtc = DateTimeOffset.Parse("2017-11-10T16:30:00Z");

        Assert.Equal(Cst.HourOf(inUtc), Cst.HourOf(inCst));
        Assert.Equal(new DateTime(2017, 11, 11, 0, 0, 0), Cst.HourStart(Cst.HourOf(inCst)));
    }

    [Fact]
    public void The_CST_new_year_starts_at_16_00Z_on_31_December()
    {
        var before = Cst.WallClock(DateTimeOffset.Parse("2017-12-31T15:59:59Z"));
        var after = Cst.WallClock(DateTimeOffset.Parse("2017-12-31T16:00:00Z"));

        Assert.Equal(2017, Cst.BucketOf(Interval.Year, before));
        Assert.Equal(2018, Cst.BucketOf(Interval.Year, after));
        Assert.Equal(Cst.BucketOf(Interval.Month, after) - 1, Cst.BucketOf(Interval.Month, before));
    }

    [Fact]
    public void Times_are_shown_with_the_CST_offset()
    {
        Assert.Equal("2017-11-11T00:30:00+08:00", Cst.Format(new DateTime(2017, 11, 11, 0, 30, 0)));
    }

    [Fact]
    public void Buckets_are_numbered_from_the_CST_epoch()
    {
        var epoch = new DateTime(1970, 1, 1);

        Assert.Equal(0, Cst.BucketOf(Interval.Hour, epoch));
        Assert.Equal(0, Cst.BucketOf(Interval.Day, epoch));
        Assert.Equal(0, Cst.BucketOf(Interval.Month, epoch));
        Assert.Equal(1970, Cst.BucketOf(Interval.Year, epoch));
        Assert.Equal(0, Cst.HourOf(DateTimeOffset.Parse("1969-12-31T16:00:00Z")));
        Assert.Equal(575, Cst.BucketOf(Interval.Month, new DateTime(2017, 12, 31)));
    }
}
