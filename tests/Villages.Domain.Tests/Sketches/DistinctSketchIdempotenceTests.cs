using CsCheck;

namespace Villages.Domain.Tests.Sketches;

public class DistinctSketchIdempotenceTests
{
    [Fact]
    public void Adding_a_customer_seen_before_changes_nothing()
    {
        Gen.Select(Gen.Int[1, 3_000], Gen.Int, Gen.Int.NonNegative).Sample((n, seed, pick) =>
        {
            var hashes = Hashes.Distinct(n, seed);
            var sketch = Hashes.SketchOf(hashes);
            var before = Hashes.Bytes(sketch);

            sketch.Add(hashes[pick % n]);

            Assert.Equal(before, Hashes.Bytes(sketch));
        }, iter: 200);
    }

    [Fact]
    public void The_order_customers_arrive_in_does_not_matter()
    {
        Gen.Select(Gen.Int[0, 3_000], Gen.Int)
            .Select(t => Hashes.Distinct(t.Item1, t.Item2))
            .SelectMany(inOrder => Gen.Shuffle(inOrder.ToArray()).Select(shuffled => (inOrder, shuffled)))
            .Sample((inOrder, shuffled) =>
            {
                Assert.Equal(Hashes.Bytes(Hashes.SketchOf(inOrder)), Hashes.Bytes(Hashes.SketchOf(shuffled)));
            }, iter: 60);
    }
}
