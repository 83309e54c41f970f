using Villages.Domain.Time;

namespace Villages.Domain.Tests.Time;

public class EventTimeTests
{
    [Theory]
    [InlineData("2017-11-11T00:30:00+08:00")]
    [InlineData("2017-11-10T16:30:00Z")]
    [InlineData("2017-11-10T16:30Z")]
    [InlineData("2017-11-10T11:30:00-05:00")]
    public void A_time_with_an_offset_is_taken(string text)
    {
        Assert.True(EventTime.TryParse(text, out var instant, out var error));
        Assert.Null(error);
        Assert.Equal(new DateTime(2017, 11, 11, 0, 30, 0), Cst.WallClock(instant));
    }

    [Fact]
    public void Seven_decimals_of_a_second_are_kept()
    {
        Assert.True(EventTime.TryParse("2017-11-10T16:30:00.1234567Z", out var instant, out _));

        Assert.Equal(new DateTime(2017, 11, 11, 0, 30, 0).AddTicks(1_234_567), Cst.WallClock(instant));
    }

    [Theory]
    [InlineData("2017-11-11T00:30:00")]
    [InlineData("2017-11-11T00:30")]
    [InlineData("2017-11-11")]
    [InlineData("2017-11-11 00:30:00+08:00")]
    [InlineData("2017-11-11T00:30:00+0800")]
    [InlineData("11/11/2017 00:30 +08:00")]
    [InlineData("")]
    public void A_time_without_an_offset_in_ISO_form_is_refused(string text)
    {
        Assert.False(EventTime.TryParse(text, out _, out var error));
        Assert.Contains("offset", error);
    }

    [Theory]
    [InlineData("2017-02-30T00:00:00Z")]
    [InlineData("2017-11-11T25:00:00+08:00")]
    public void An_impossible_date_with_an_offset_is_refused_as_invalid(string text)
    {
        Assert.False(EventTime.TryParse(text, out _, out var error));
        Assert.Equal("is not a valid date and time", error);
    }

    [Fact]
    public void The_offset_is_honoured_not_ignored()
    {
        Assert.True(EventTime.TryParse("2017-11-11T00:30:00+08:00", out var cst, out _));
        Assert.True(EventTime.TryParse("2017-11-11T00:30:00Z", out var utc, out _));

        Assert.Equal(TimeSpan.FromHours(8), utc - cst);
    }
}
