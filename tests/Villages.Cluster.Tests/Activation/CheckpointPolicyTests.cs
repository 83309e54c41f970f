using CsCheck;
using Villages.Grains.Figures;

namespace Villages.Cluster.Tests.Activation;

/// <summary>
/// When a figures grain's timer rewrites its checkpoint: never for a catch-up of a few rows, and never before the rows
/// applied since the last one number a hundredth of its size in bytes, however big the book; but once both hold and
/// two minutes or 200,000 rows have passed, it does.
/// </summary>
public sealed class CheckpointPolicyTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Later = TimeSpan.FromMinutes(2);

    [Fact]
    public void A_book_without_a_checkpoint_writes_one_after_two_minutes_or_200000_rows_but_never_for_fewer_than_256()
    {
        Assert.False(CheckpointPolicy.Due(255, 0, TimeSpan.FromHours(1)));
        Assert.True(CheckpointPolicy.Due(256, 0, Later));
        Assert.False(CheckpointPolicy.Due(199_999, 0, Soon));
        Assert.True(CheckpointPolicy.Due(200_000, 0, Soon));
    }

    [Fact]
    public void A_big_book_waits_for_rows_worth_its_own_size_before_it_rewrites_itself()
    {
        const int hundredMegabytes = 100_000_000;

        Assert.False(CheckpointPolicy.Due(200_000, hundredMegabytes, Soon));
        Assert.False(CheckpointPolicy.Due(999_999, hundredMegabytes, TimeSpan.FromHours(1)));
        Assert.True(CheckpointPolicy.Due(1_000_000, hundredMegabytes, Soon));
    }

    [Fact]
    public void A_timed_checkpoint_never_rewrites_more_than_a_hundred_bytes_of_the_last_one_per_row_applied_since()
    {
        Gen.Select(Gen.Long[0, 50_000_000], Gen.Int[0, int.MaxValue], Gen.Int[0, 600]).Sample((entries, bytes, seconds) =>
        {
            if (CheckpointPolicy.Due(entries, bytes, TimeSpan.FromSeconds(seconds)))
            {
                Assert.True(entries >= CheckpointPolicy.FromEntries);
                Assert.True(bytes < (entries + 1) * CheckpointPolicy.BytesPerEntry);
            }
        });
    }
}
