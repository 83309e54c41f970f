using CsCheck;

namespace Villages.Domain.Tests.Sketches;

public class DistinctSketchSerializationTests
{
    [Fact]
    public void A_sketch_read_back_answers_the_same()
    {
        Gen.Select(Gen.Int[0, 5_000], Gen.Int).Sample((n, seed) =>
        {
            var sketch = Hashes.SketchOf(Hashes.Distinct(n, seed));

            var back = Hashes.Read(Hashes.Bytes(sketch));

            Assert.Equal(sketch.Estimate(), back.Estimate());
            Assert.Equal(sketch.IsDense, back.IsDense);
        }, iter: 100);
    }

    [Fact]
    public void A_sketch_read_back_keeps_counting_as_if_never_stored()
    {
        // A stored sparse set comes back in an array of exactly its size, so the next add must grow or densify it.
        Gen.Select(Gen.Int[0, 1_500], Gen.Int[0, 1_500], Gen.Int).Sample((stored, later, seed) =>
        {
            var hashes = Hashes.Distinct(stored + later, seed);
            var back = Hashes.Read(Hashes.Bytes(Hashes.SketchOf(hashes[..stored])));
            foreach (var h in hashes[stored..].Concat(hashes[..stored]))
            {
                back.Add(h);
            }

            Assert.Equal(Hashes.Bytes(Hashes.SketchOf(hashes)), Hashes.Bytes(back));
        }, iter: 100);
    }

    [Fact]
    public void A_dense_sketch_is_stored_in_its_registers_and_a_small_one_in_its_hashes()
    {
        Assert.Equal(1 + 4 + (8 * 10), Hashes.Bytes(Hashes.SketchOf(Hashes.Distinct(10, 1))).Length);
        Assert.Equal(1 + 16_384, Hashes.Bytes(Hashes.SketchOf(Hashes.Distinct(2_000, 1))).Length);
    }
}
