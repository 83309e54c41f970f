using CsCheck;
using Villages.Grains.Figures;

namespace Villages.Cluster.Tests.Activation;

/// <summary>
/// When a figures grain rewrites its checkpoint: never for a catch-up of a few rows, and never more than about a
/// hundred bytes of checkpoint for each row applied, however big the book; but always, in the end, once both hold.
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
    public void Checkpoints_write_at_most_a_hundred_bytes_a_row_applied_and_are_due_once_that_and_their_age_allow()
    {
        Gen.Select(Gen.Long[0, 50_000_000], Gen.Int[0, int.MaxValue], Gen.Int[0, 600]).Sample((entries, bytes, seconds) =>
        {
            var sinceLast = TimeSpan.FromSeconds(seconds);
            var due = CheckpointPolicy.Due(entries, bytes, sinceLast);
            if (due)
            {
                Assert.True(entries >= CheckpointPolicy.FromEntries);
                Assert.True(bytes <= (entries * CheckpointPolicy.BytesPerEntry) + CheckpointPolicy.BytesPerEntry);
            }

            var worthItsSize = entries >= Math.Max(CheckpointPolicy.FromEntries, bytes / CheckpointPolicy.BytesPerEntry);
            if (worthItsSize && (sinceLast >= CheckpointPolicy.Age || entries >= CheckpointPolicy.AfterEntries))
            {
                Assert.True(due);
            }
        });
    }
}
