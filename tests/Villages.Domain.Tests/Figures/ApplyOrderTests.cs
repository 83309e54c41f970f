using CsCheck;
using Villages.Domain.Figures;
using Villages.Domain.Tests.Figures.Support;
using Villages.Domain.Time;

namespace Villages.Domain.Tests.Figures;

public class ApplyOrderTests
{
    [Fact]
    public void The_same_movements_in_another_order_give_the_same_answers()
    {
        Movements.Lists
            .SelectMany(list => Gen.Shuffle(list.ToArray()).Select(shuffled => (list, shuffled)))
            .Select(Queries.Ranges, Queries.Slices, (t, range, slice) => (t.list, t.shuffled, range, slice))
            .Sample(t => AssertSameAnswers(Movements.BookOf(t.list), Movements.BookOf(t.shuffled), t.range, t.slice), iter: 200);
    }

    [Fact]
    public void The_order_does_not_matter_when_buyers_are_too_many_to_count_exactly()
    {
        // Thousands of distinct buyers push year and lifetime cells past the sparse limit into registers.
        Movements.One(customers: 100_000).Array[1_500, 3_000]
            .SelectMany(list => Gen.Shuffle(list.ToArray()).Select(shuffled => (list, shuffled)))
            .Select(Queries.Ranges, (t, range) => (t.list, t.shuffled, range))
            .Sample(t => AssertSameAnswers(Movements.BookOf(t.list), Movements.BookOf(t.shuffled), t.range, Slice.Everything), iter: 10);
    }

    internal static void AssertSameAnswers(FiguresBook expected, FiguresBook actual, (DateTime From, DateTime To) range, Slice slice)
    {
        Assert.Equal(expected.Lifetime.ToFigures(), actual.Lifetime.ToFigures());
        Assert.Equal(expected.Sum(range.From, range.To, slice).ToFigures(), actual.Sum(range.From, range.To, slice).ToFigures());
        foreach (var interval in new[] { Interval.Day, Interval.Month, Interval.Year })
        {
            Assert.Equal(expected.Series(range.From, range.To, interval, slice), actual.Series(range.From, range.To, interval, slice));
        }
    }
}
