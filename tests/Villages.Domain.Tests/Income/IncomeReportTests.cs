using CsCheck;
using Villages.Domain.Income;

namespace Villages.Domain.Tests.Income;

public class IncomeReportTests
{
    private const long Line2016 = 295_200;
    private const long Line2017 = 295_200;
    private static readonly PovertyLines Lines = new(new Dictionary<int, long> { [2016] = Line2016, [2017] = Line2017, [2018] = 299_500 });

    [Fact]
    public void Averages_are_rounded_to_the_fen_half_away_from_zero()
    {
        var report = IncomeReport.Of(2017, [new(1, 100, 0), new(2, 100, 0), new(3, 101, 0)], Lines);

        Assert.Equal(3, report.Households);
        Assert.Equal(6, report.Persons);
        Assert.Equal(100, report.AverageIncomeFen);
        Assert.Equal(50, report.AverageIncomePerPersonFen);

        Assert.Equal(2, IncomeReport.Of(2017, [new(1, 1, 0), new(1, 2, 0)], Lines).AverageIncomeFen);
        Assert.Equal(-2, IncomeReport.Of(2017, [new(1, -1, 0), new(1, -2, 0)], Lines).AverageIncomeFen);
        Assert.Equal(1, IncomeReport.Of(2017, [new(1, 1, 0), new(1, 1, 0), new(1, 2, 0)], Lines).AverageIncomeFen);
    }

    [Fact]
    public void A_household_exactly_at_the_line_is_not_below_it()
    {
        var report = IncomeReport.Of(2017, [new(3, 3 * Line2017, 0)], Lines);

        Assert.Equal(0, report.HouseholdsBelowLine);
    }

    [Fact]
    public void A_household_one_fen_short_of_the_line_is_below_it_even_where_a_rounded_average_would_not_be()
    {
        // Per person this is 2,951.99⅔ yuan, which rounds to the line itself.
        var report = IncomeReport.Of(2017, [new(3, (3 * Line2017) - 1, 0)], Lines);

        Assert.Equal(1, report.HouseholdsBelowLine);
        Assert.Equal(Line2017, report.AverageIncomePerPersonFen);
    }

    [Fact]
    public void Lifted_means_below_the_line_the_year_before_and_not_below_it_now()
    {
        HouseholdIncome[] households =
        [
            new(2, 2 * Line2017, (2 * Line2016) - 1),
            new(2, 2 * Line2017, 2 * Line2016),
            new(2, (2 * Line2017) - 1, 0),
            new(2, 10 * Line2017, 10 * Line2016),
            new(1, Line2017 + 1, 1),
        ];

        var report = IncomeReport.Of(2017, households, Lines);

        Assert.Equal(Line2017, report.PovertyLineFen);
        Assert.Equal(1, report.HouseholdsBelowLine);
        Assert.Equal(2, report.HouseholdsLifted);
    }

    [Fact]
    public void Last_years_household_is_judged_by_last_years_line()
    {
        var lines = new PovertyLines(new Dictionary<int, long> { [2017] = 100_000, [2018] = 200_000 });

        var report = IncomeReport.Of(2018, [new(1, 200_000, 150_000), new(1, 200_000, 99_999)], lines);

        Assert.Equal(1, report.HouseholdsLifted);
    }

    [Fact]
    public void Without_a_line_for_the_year_there_is_nothing_to_compare()
    {
        var report = IncomeReport.Of(2019, [new(2, 1, 0)], Lines);

        Assert.Null(report.PovertyLineFen);
        Assert.Null(report.HouseholdsBelowLine);
        Assert.Null(report.HouseholdsLifted);
        Assert.Equal(1, report.AverageIncomeFen);
    }

    [Fact]
    public void Without_a_line_for_the_year_before_nobody_can_be_called_lifted()
    {
        var report = IncomeReport.Of(2016, [new(2, 1, 0)], Lines);

        Assert.Equal(1, report.HouseholdsBelowLine);
        Assert.Null(report.HouseholdsLifted);
    }

    [Fact]
    public void No_households_average_zero()
    {
        var report = IncomeReport.Of(2017, [], Lines);

        Assert.Equal(new IncomeReport(2017, 0, 0, 0, 0, Line2017, 0, 0), report);
    }

    [Fact]
    public void The_report_agrees_with_exact_decimal_arithmetic()
    {
        var household = Gen.Select(Gen.Int[1, 8], Gen.Long[-100_000, 4_000_000], Gen.Long[-100_000, 4_000_000])
            .Select((members, income, previous) => new HouseholdIncome(members, income, previous));
        Gen.Select(household.Array[0, 60], Gen.Int[2016, 2019]).Sample((households, year) =>
        {
            var report = IncomeReport.Of(year, households, Lines);

            var line = Lines.For(year);
            var previousLine = Lines.For(year - 1);
            decimal total = households.Sum(h => h.IncomeFen);
            long persons = households.Sum(h => h.Members);
            bool Below(long income, int members, long? perPerson) => (decimal)income / members < perPerson;
            Assert.Equal(households.Length == 0 ? 0 : (long)Math.Round(total / households.Length, MidpointRounding.AwayFromZero), report.AverageIncomeFen);
            Assert.Equal(persons == 0 ? 0 : (long)Math.Round(total / persons, MidpointRounding.AwayFromZero), report.AverageIncomePerPersonFen);
            Assert.Equal(line is null ? null : households.Count(h => Below(h.IncomeFen, h.Members, line)), report.HouseholdsBelowLine);
            Assert.Equal(
                line is null || previousLine is null ? null : households.Count(h => Below(h.PreviousYearIncomeFen, h.Members, previousLine) && !Below(h.IncomeFen, h.Members, line)),
                report.HouseholdsLifted);
        }, iter: 500);
    }
}
