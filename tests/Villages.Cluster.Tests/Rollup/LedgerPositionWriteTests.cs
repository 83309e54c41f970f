using Orleans.Storage;
using Orleans.TestingHost;
using Villages.Abstractions;
using Villages.Abstractions.Ingest;
using Villages.Cluster.Tests.Infrastructure;
using Villages.Grains.Ledger;

namespace Villages.Cluster.Tests.Rollup;

/// <summary>
/// A ledger writes how far it has rolled up behind the roll-up, not in its way: with every position write held back
/// (as a checkpoint of the nation's size holds the embedded node's one storage writer), windows are still delivered
/// and settled, and once writes go through, one of them records the last window delivered.
/// </summary>
public sealed class LedgerPositionWriteTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "villages-positions-" + Guid.NewGuid().ToString("N"));
    private readonly HeldLedgerWrites _writes = new();
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ClusterFixture.OneSilo(_data, _writes.Around);

    public async Task DisposeAsync()
    {
        _writes.Release();
        await _cluster.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Windows_are_delivered_while_the_ledgers_position_write_waits_and_a_later_write_records_the_last()
    {
        var grains = _cluster.Client;
        var seller = "held-" + Guid.NewGuid().ToString("N");
        var ledger = grains.LedgerOf(seller);
        await ledger.RegisterSeller(Ingest.Household(seller));
        var village = grains.Region(Ingest.Household(seller).VillageCode);
        var before = (await village.Totals(null, null)).Orders;

        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(1, (await ledger.RecordSales([Ingest.OneSale(seller, i.ToString(System.Globalization.CultureInfo.InvariantCulture))])).Accepted);
            await ledger.Settle().WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(before + 3, (await village.Totals(null, null)).Orders);
        Assert.True(_writes.Waiting > 0, "no position write was held back");

        _writes.Release();
        var lastSeq = 3; // the registration commits no batch; each sale's batch is the ledger's next
        await _writes.Written(LedgerPartition.Of(seller), lastSeq).WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_ledger_whose_position_was_written_by_another_activation_steps_aside_and_the_next_one_goes_on()
    {
        _writes.Release();
        var grains = _cluster.Client;
        var seller = "conflict-" + Guid.NewGuid().ToString("N");
        var ledger = grains.LedgerOf(seller);
        await ledger.RegisterSeller(Ingest.Household(seller));
        var readsBefore = _writes.Reads(LedgerPartition.Of(seller));

        _writes.ConflictOnNextWrite();
        Assert.Equal(1, (await ledger.RecordSales([Ingest.OneSale(seller, "1")])).Accepted);
        await ledger.Settle();

        // The activation that met the conflict deactivates; the next (woken by the ledger keeper) reads its position again.
        for (var attempt = 0; attempt < 300 && _writes.Reads(LedgerPartition.Of(seller)) == readsBefore; attempt++)
        {
            await Task.Delay(100);
        }

        Assert.True(_writes.Reads(LedgerPartition.Of(seller)) > readsBefore, "the ledger never read its position again");
        Assert.Equal(1, (await ledger.RecordSales([Ingest.OneSale(seller, "2")])).Accepted);
        await ledger.Settle();
        Assert.Equal(2, (await grains.Seller(seller).Totals(null, null)).Orders);
    }


    /// <summary>
    /// Holds every ledger position write until released, tells when a ledger's position reached a batch, counts the
    /// ledgers' reads of their position, and can refuse one write as a version conflict.
    /// </summary>
    private sealed class HeldLedgerWrites
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _gate = new();
        private readonly Dictionary<(int Ledger, long Seq), TaskCompletionSource> _reached = [];
        private readonly Dictionary<int, int> _reads = [];
        private int _waiting;
        private int _conflicts;

        public int Waiting => Volatile.Read(ref _waiting);

        public void ConflictOnNextWrite() => Interlocked.Exchange(ref _conflicts, 1);

        public int Reads(int ledger)
        {
            lock (_gate)
            {
                return _reads.GetValueOrDefault(ledger);
            }
        }

        public void Release() => _open.TrySetResult();

        public Task Written(int ledger, long seq) => Reached(ledger, seq).Task;

        public IGrainStorage Around(IGrainStorage inner) => new Storage(this, inner);

        private TaskCompletionSource Reached(int ledger, long seq)
        {
            lock (_gate)
            {
                if (!_reached.TryGetValue((ledger, seq), out var reached))
                {
                    _reached[(ledger, seq)] = reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                return reached;
            }
        }

        private sealed class Storage(HeldLedgerWrites writes, IGrainStorage inner) : IGrainStorage
        {
            public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
            {
                if (typeof(T) == typeof(LedgerState))
                {
                    lock (writes._gate)
                    {
                        var ledger = (int)grainId.GetIntegerKey();
                        writes._reads[ledger] = writes._reads.GetValueOrDefault(ledger) + 1;
                    }
                }

                return inner.ReadStateAsync(stateName, grainId, grainState);
            }

            public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
                inner.ClearStateAsync(stateName, grainId, grainState);

            public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
            {
                if (grainState.State is not LedgerState position)
                {
                    await inner.WriteStateAsync(stateName, grainId, grainState);
                    return;
                }

                Interlocked.Increment(ref writes._waiting);
                await writes._open.Task;
                if (Interlocked.Exchange(ref writes._conflicts, 0) == 1)
                {
                    throw new InconsistentStateException("another activation wrote this ledger's position (test)");
                }

                await inner.WriteStateAsync(stateName, grainId, grainState);
                var ledger = (int)grainId.GetIntegerKey();
                for (var seq = 1; seq <= position.RolledUpThrough; seq++)
                {
                    writes.Reached(ledger, seq).TrySetResult();
                }
            }
        }
    }
}
