namespace Villages.Domain.Income;

/// <summary>One household's income in a year and the year before: net online proceeds plus recorded other income, in fen.</summary>
public readonly record struct HouseholdIncome(int Members, long IncomeFen, long PreviousYearIncomeFen);

/// <summary>How the households of a scope stood against the poverty line in a year.</summary>
public sealed record IncomeReport(
    int Year,
    long Households,
    long Persons,
    long AverageIncomeFen,
    long AverageIncomePerPersonFen,
    long? PovertyLineFen,
    long? HouseholdsBelowLine,
    long? HouseholdsLifted)
{
    /// <summary>
    /// Averages are total income over households (or persons), rounded to the fen. Below the line means income per
    /// person under the line; lifted means below the line of year Y-1 in Y-1 and at or above the line of Y in Y.
    /// Comparisons are made as income &lt; line × members, in integers, so no rounding can move a household across the line.
    /// </summary>
    public static IncomeReport Of(int year, IEnumerable<HouseholdIncome> households, PovertyLines lines)
    {
        var line = lines.For(year);
        var previousLine = lines.For(year - 1);
        long count = 0, persons = 0, below = 0, lifted = 0;
        Int128 total = 0;
        foreach (var h in households)
        {
            count++;
            persons += h.Members;
            total += h.IncomeFen;
            var belowNow = line is { } l && h.IncomeFen < (Int128)l * h.Members;
            if (belowNow)
            {
                below++;
            }

            if (line is not null && previousLine is { } p && !belowNow && h.PreviousYearIncomeFen < (Int128)p * h.Members)
            {
                lifted++;
            }
        }

        return new IncomeReport(
            year,
            count,
            persons,
            Average(total, count),
            Average(total, persons),
            line,
            line is null ? null : below,
            line is null || previousLine is null ? null : lifted);
    }

    private static long Average(Int128 total, long count)
    {
        if (count == 0)
        {
            return 0;
        }

        // Round half away from zero, in integers.
        var quotient = Int128.DivRem(Int128.Abs(total), count);
        var rounded = quotient.Quotient + (quotient.Remainder * 2 >= count ? 1 : 0);
        return (long)(total < 0 ? -rounded : rounded);
    }
}
