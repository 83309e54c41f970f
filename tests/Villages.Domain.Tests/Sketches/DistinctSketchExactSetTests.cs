using CsCheck;
using Villages.Domain.Sketches;

namespace Villages.Domain.Tests.Sketches;

/// <summary>
/// The exact phase against a plain set, on hashes chosen to stress the table: a narrow range (so that they repeat and
/// share home slots), the hash 0 (the table's empty mark) and the largest hash.
/// </summary>
public class DistinctSketchExactSetTests
{
    private static readonly Gen<ulong> AwkwardHash = Gen.Frequency(
        (6, Gen.ULong[0, 3_000]),
        (1, Gen.Const(0UL)),
        (1, Gen.Const(ulong.MaxValue)),
        (2, Gen.ULong));

    [Fact]
    public void While_small_the_sketch_counts_exactly_what_a_set_counts()
    {
        AwkwardHash.Array[0, 1_500].Sample(hashes =>
        {
            var sketch = new DistinctSketch();
            var set = new HashSet<ulong>();
            foreach (var h in hashes)
            {
                sketch.Add(h);
                set.Add(h);
                if (set.Count <= DistinctSketch.SparseLimit)
                {
                    Assert.False(sketch.IsDense);
                    Assert.Equal(set.Count, sketch.Estimate());
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void An_exact_union_and_a_stored_copy_hold_the_same_set()
    {
        Gen.Select(AwkwardHash.Array[0, 500], AwkwardHash.Array[0, 500]).Sample((left, right) =>
        {
            var union = Hashes.SketchOf(left);
            union.UnionWith(Hashes.SketchOf(right));
            var expected = left.Concat(right).Distinct().Count();

            if (expected <= DistinctSketch.SparseLimit)
            {
                Assert.Equal(expected, union.Estimate());
            }

            var stored = Hashes.Bytes(union);
            Assert.Equal(stored, Hashes.Bytes(Hashes.SketchOf(left.Concat(right).Reverse())));
        }, iter: 300);
    }

    [Fact]
    public void The_default_sketch_is_the_empty_set_and_grows_in_place()
    {
        var cells = new DistinctSketch[2];
        Assert.Equal(0, cells[0].Estimate());
        Assert.Equal(Hashes.Bytes(new DistinctSketch()), Hashes.Bytes(cells[0]));

        // Changed through the array element, as a cell changes the sketch it holds inline.
        foreach (var h in new ulong[] { 7, 0, 7, 9, 11 })
        {
            cells[1].Add(h);
        }

        Assert.Equal(4, cells[1].Estimate());
        Assert.Equal(0, cells[0].Estimate());
    }
}
