using Villages.Domain.Income;

namespace Villages.Domain.Tests.Income;

public class PovertyLinesTests
{
    // The first and last rows of data/poverty-lines.csv, quoted comma included.
    private const string Csv = """
        year,yuanPerPersonPerYear,status
        2010,2300,the standard itself (2010 prices)
        2016,2952,NBS rural survey yearbook table
        2017,2952,NBS poverty monitoring report (not cross-checked)
        2018,2995,NBS poverty monitoring report (not cross-checked)
        2020,4000,"about 4,000 (State Council Information Office, 2021-04-06)"

        """;

    [Theory]
    [InlineData(2010, 230_000)]
    [InlineData(2016, 295_200)]
    [InlineData(2017, 295_200)]
    [InlineData(2018, 299_500)]
    [InlineData(2020, 400_000)]
    public void Each_row_is_a_years_line_in_fen_per_person(int year, long fen)
    {
        Assert.Equal(fen, PovertyLines.Parse(Csv).For(year));
    }

    [Theory]
    [InlineData(2009)]
    [InlineData(2019)]
    [InlineData(2021)]
    public void A_year_without_a_row_has_no_line(int year)
    {
        Assert.Null(PovertyLines.Parse(Csv).For(year));
    }

    [Fact]
    public void Windows_line_endings_and_decimal_yuan_are_read_too()
    {
        var lines = PovertyLines.Parse("year,yuanPerPersonPerYear\r\n2019,3218.5\r\n2020,4000\r\n");

        Assert.Equal(321_850, lines.For(2019));
        Assert.Equal(400_000, lines.For(2020));
    }

    [Fact]
    public void The_header_and_unreadable_rows_are_skipped()
    {
        var lines = PovertyLines.Parse("2015,2855\n2015,2855\nyear,yuan\n2016,about 3000\n20x7,2952\n2018,2995.001\n2019,3218");

        Assert.Equal(285_500, lines.For(2015));
        Assert.Null(lines.For(2016));
        Assert.Null(lines.For(2018));
        Assert.Equal(321_800, lines.For(2019));
    }

    [Fact]
    public void No_table_has_no_lines()
    {
        Assert.Null(PovertyLines.None.For(2017));
        Assert.Null(PovertyLines.Parse("").For(2017));
    }
}
