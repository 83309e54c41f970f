using Villages.Abstractions.Queries;
using Villages.Domain.Income;

namespace Villages.Grains.Scopes;

internal static class IncomeViews
{
    public static IncomeView ToView(this IncomeReport r) => new(
        r.Year, r.Households, r.Persons, r.AverageIncomeFen, r.AverageIncomePerPersonFen, r.PovertyLineFen, r.HouseholdsBelowLine, r.HouseholdsLifted);
}
