using System.Collections.Concurrent;
using Orleans.Storage;

namespace Villages.Cluster.Tests.Infrastructure;

/// <summary>Counts, by grain, the reads and writes of one kind of grain state (e.g. "seller-figures": checkpoints).</summary>
public sealed class CountingStorage(IGrainStorage inner, string counted, ConcurrentDictionary<GrainId, int> reads, ConcurrentDictionary<GrainId, int> writes) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (stateName == counted)
        {
            reads.AddOrUpdate(grainId, 1, (_, n) => n + 1);
        }

        return inner.ReadStateAsync(stateName, grainId, grainState);
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (stateName == counted)
        {
            writes.AddOrUpdate(grainId, 1, (_, n) => n + 1);
        }

        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
