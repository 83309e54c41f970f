using Villages.Domain.Time;

namespace Villages.Domain.Tests.Time;

public class QueryTimeTests
{
    [Theory]
    [InlineData("2017-11-11", 2017, 11, 11, 0, 0, 0)]
    [InlineData("2017-11-11T12:00", 2017, 11, 11, 12, 0, 0)]
    [InlineData("2017-11-11T12:34:56", 2017, 11, 11, 12, 34, 56)]
    public void A_query_bound_without_an_offset_is_a_CST_wall_clock_time(string text, int y, int mo, int d, int h, int mi, int s)
    {
        Assert.True(Cst.TryParseQueryTime(text, out var wallClock));
        Assert.Equal(new DateTime(y, mo, d, h, mi, s), wallClock);
        Assert.Equal(DateTimeKind.Unspecified, wallClock.Kind);
    }

    [Fact]
    public void A_query_bound_with_an_offset_is_converted_to_CST()
    {
        Assert.True(Cst.TryParseQueryTime("2017-11-10T16:00:00Z", out var wallClock));

        Assert.Equal(new DateTime(2017, 11, 11), wallClock);
        Assert.Equal(DateTimeKind.Unspecified, wallClock.Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("yesterday")]
    [InlineData("2017-13-01")]
    [InlineData("2017-11-31")]
    [InlineData("11/11/2017")]
    [InlineData("2017-11-11T12")]
    public void A_query_bound_that_is_not_a_date_is_refused(string? text)
    {
        Assert.False(Cst.TryParseQueryTime(text, out _));
    }
}
