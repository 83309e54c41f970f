using Villages.Baselines.Input;
using Villages.Baselines.Measuring;

namespace Villages.Baselines.Tests;

public sealed class MeasuringTests
{
    [Fact]
    public void Percentiles_are_nearest_rank_so_each_is_a_measured_time()
    {
        var samples = Enumerable.Range(1, 200).Select(i => TimeSpan.FromMilliseconds(i)).Reverse().ToList();

        var summary = LatencySummary.Of(samples)!;

        Assert.Equal(new LatencySummary(100, 198, 200, 200), summary);
        Assert.Null(LatencySummary.Of([]));
        Assert.Equal(7, LatencySummary.Of([TimeSpan.FromMilliseconds(7)])!.P99Ms);
    }

    [Fact]
    public void Ties_between_targets_go_to_the_smallest_code_and_the_earliest_year()
    {
        var picker = new TargetPicker();
        picker.Add("653130100202", 2018, 5);
        picker.Add("653130100201", 2017, 5);
        picker.Add("652901001001", 2019, 9);
        picker.Add("653131001001", 2019, 1);

        Assert.Equal(new Targets("653130", 2017, "652901001001"), picker.Pick());
    }

    [Fact]
    public void Memory_is_read_from_proc_and_a_process_that_is_gone_reads_as_null()
    {
        var self = ProcessMemory.Self()!.Value;

        Assert.True(self.HighWaterBytes >= self.RssAnonBytes && self.RssAnonBytes > 0);
        Assert.Equal(ProcessMemory.Read(Environment.ProcessId)!.Value.HighWaterBytes, self.HighWaterBytes, tolerance: 64 * 1024 * 1024);
        Assert.Null(ProcessMemory.Read(int.MaxValue));
        Assert.Null(ProcessMemory.ParentOf(int.MaxValue));
    }
}
