using Villages.Domain.Sketches;

namespace Villages.Domain.Tests.Sketches;

public class DistinctSketchAccuracyTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(DistinctSketch.SparseLimit - 1)]
    [InlineData(DistinctSketch.SparseLimit)]
    public void Up_to_the_sparse_limit_the_count_is_exact(int n)
    {
        var sketch = Hashes.SketchOf(Hashes.Distinct(n, seed: 7));

        Assert.False(sketch.IsDense);
        Assert.Equal(n, sketch.Estimate());
    }

    [Fact]
    public void One_customer_past_the_sparse_limit_turns_the_sketch_dense()
    {
        var sketch = Hashes.SketchOf(Hashes.Distinct(DistinctSketch.SparseLimit + 1, seed: 7));

        Assert.True(sketch.IsDense);
        Assert.Equal(DistinctSketch.RegisterCount, sketch.ByteSize);
    }

    [Theory]
    [InlineData(1_000, 1)]
    [InlineData(5_000, 2)]
    [InlineData(20_000, 3)]
    [InlineData(100_000, 4)]
    [InlineData(500_000, 5)]
    public void The_estimate_is_within_two_percent(int n, int seed)
    {
        var estimate = Hashes.SketchOf(Hashes.Distinct(n, seed)).Estimate();

        var error = Math.Abs(estimate - n) / (double)n;
        Assert.True(error <= 0.02, $"{n} customers estimated as {estimate}: {error:P2} off");
    }

    [Fact]
    public void The_estimate_is_within_two_percent_across_the_switch_to_registers()
    {
        // The dense estimator takes over at a small count, where plain HyperLogLog estimators are weakest.
        var hashes = Hashes.Distinct(12_000, seed: 11);
        var sketch = new DistinctSketch();
        for (var n = 1; n <= hashes.Length; n++)
        {
            sketch.Add(hashes[n - 1]);
            if (n % 250 == 0)
            {
                var error = Math.Abs(sketch.Estimate() - n) / (double)n;
                Assert.True(error <= 0.02, $"{n} customers estimated as {sketch.Estimate()}: {error:P2} off");
            }
        }
    }

    [Fact]
    public void A_repeat_buyer_is_counted_once()
    {
        var hashes = Hashes.Distinct(3_000, seed: 5);
        var sketch = Hashes.SketchOf(hashes.Concat(hashes).Concat(hashes.Take(1_000)));

        Assert.Equal(Hashes.SketchOf(hashes).Estimate(), sketch.Estimate());
    }
}
