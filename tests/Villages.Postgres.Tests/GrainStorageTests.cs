using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Storage;
using Villages.Postgres.Tests.Grains;
using Villages.Postgres.Tests.Infrastructure;

namespace Villages.Postgres.Tests;

/// <summary>orleans-storage.sql under Orleans' own ADO.NET grain storage provider, in a real silo.</summary>
public sealed class GrainStorageTests(PostgresServer server) : IClassFixture<PostgresServer>, IAsyncLifetime
{
    private const string DeletingStore = "store-delete";

    private string _cs = "";
    private IHost _silo = null!;

    public async Task InitializeAsync()
    {
        _cs = await Schema.Fresh(server, "storage_" + Guid.NewGuid().ToString("N"));
        _silo = await Silos.StartSilo(_cs, "storage", "silo", silo => Silos.AddStorage(silo, _cs, DeletingStore, deleteStateOnClear: true));
    }

    public Task DisposeAsync() => _silo.Halt();

    [Fact]
    public async Task State_survives_deactivation_and_two_grain_types_with_one_key_keep_their_own_rows()
    {
        var grains = _silo.Grains();
        var alpha = grains.GetGrain<IAlphaGrain>("same");
        var beta = grains.GetGrain<IBetaGrain>("same");

        await alpha.Set(7);
        await beta.Set(9);
        await alpha.Set(8);
        await alpha.Deactivate();
        await beta.Deactivate();

        Assert.Equal(8, await alpha.Get());
        Assert.Equal(9, await beta.Get());
        Assert.Equal("alpha:2,beta:1", await Schema.Scalar<string>(_cs,
            "SELECT string_agg(GrainTypeString || ':' || Version, ',' ORDER BY GrainTypeString) FROM OrleansStorage WHERE GrainIdExtensionString = 'same'"));

        await alpha.Clear();
        await alpha.Deactivate();
        Assert.Equal(0, await alpha.Get());
        Assert.Equal(9, await beta.Get());
    }

    [Fact]
    public async Task A_write_behind_the_grains_back_makes_its_next_write_a_conflict()
    {
        var grain = _silo.Grains().GetGrain<IAlphaGrain>("contended");
        await grain.Set(1);

        await Schema.Execute(_cs, "UPDATE OrleansStorage SET Version = Version + 1 WHERE GrainIdExtensionString = 'contended'");

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Set(2));
        Assert.Contains("Version conflict", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_provider_sees_versions_conflicts_and_clears_as_it_expects()
    {
        var storage = _silo.Services.GetRequiredKeyedService<IGrainStorage>(ProbeStorage.Name);
        var id = GrainId.Create("probe", "direct");

        var missing = new GrainState<Counter>();
        await storage.ReadStateAsync("direct", id, missing);
        Assert.False(missing.RecordExists);
        Assert.Null(missing.ETag);

        var writer = new GrainState<Counter>(new Counter { Value = 1 });
        await storage.WriteStateAsync("direct", id, writer);
        Assert.Equal("1", writer.ETag);

        // A second writer that never saw the row may not create it again, nor may one holding an old version replace it.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("direct", id, new GrainState<Counter>(new Counter { Value = 5 })));
        await storage.WriteStateAsync("direct", id, writer);
        Assert.Equal("2", writer.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("direct", id, new GrainState<Counter>(new Counter(), "1")));

        var reader = new GrainState<Counter>();
        await storage.ReadStateAsync("direct", id, reader);
        Assert.Equal((1, "2", true), (reader.State!.Value, reader.ETag, reader.RecordExists));

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("direct", id, new GrainState<Counter>(new Counter(), "1")));
        await storage.ClearStateAsync("direct", id, writer);
        Assert.Equal(("3", false), (writer.ETag, writer.RecordExists));

        var afterClear = new GrainState<Counter>();
        await storage.ReadStateAsync("direct", id, afterClear);
        Assert.Equal((0, "3", false), (afterClear.State!.Value, afterClear.ETag, afterClear.RecordExists));

        // The cleared row keeps its version, so the writer that read before the clear is still refused.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("direct", id, new GrainState<Counter>(new Counter(), "2")));
        writer.State!.Value = 4;
        await storage.WriteStateAsync("direct", id, writer);
        Assert.Equal("4", writer.ETag);

        // A row deleted behind a writer's back is a conflict too, not a silent fresh start at version 1.
        await Schema.Execute(_cs, "DELETE FROM OrleansStorage WHERE GrainTypeString = 'direct'");
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("direct", id, writer));
    }

    [Fact]
    public async Task Integer_guid_and_string_keys_each_get_their_own_row()
    {
        var storage = _silo.Services.GetRequiredKeyedService<IGrainStorage>(ProbeStorage.Name);
        var guid = Guid.NewGuid();
        GrainId[] ids =
        [
            GrainId.Create(GrainType.Create("probe"), GrainIdKeyExtensions.CreateIntegerKey(42)),
            GrainId.Create(GrainType.Create("probe"), GrainIdKeyExtensions.CreateIntegerKey(42, "ext")),
            GrainId.Create(GrainType.Create("probe"), GrainIdKeyExtensions.CreateGuidKey(guid)),
            GrainId.Create(GrainType.Create("probe"), GrainIdKeyExtensions.CreateGuidKey(guid, "ext")),
            GrainId.Create("probe", "seller:42"),
        ];

        for (var i = 0; i < ids.Length; i++)
        {
            await storage.WriteStateAsync("keys", ids[i], new GrainState<Counter>(new Counter { Value = 100 + i }));
        }

        for (var i = 0; i < ids.Length; i++)
        {
            var state = new GrainState<Counter>();
            await storage.ReadStateAsync("keys", ids[i], state);
            Assert.Equal(100 + i, state.State!.Value);
        }

        Assert.Equal(5L, await Schema.Scalar<long>(_cs, "SELECT count(*) FROM OrleansStorage WHERE GrainTypeString = 'keys'"));
        Assert.Equal(42L, await Schema.Scalar<long>(_cs, "SELECT GrainIdN1 FROM OrleansStorage WHERE GrainTypeString = 'keys' AND GrainIdN0 = 0 AND GrainIdExtensionString = ''"));
    }

    [Fact]
    public async Task A_provider_that_deletes_on_clear_removes_the_row_and_starts_over()
    {
        var storage = _silo.Services.GetRequiredKeyedService<IGrainStorage>(DeletingStore);
        var id = GrainId.Create("probe", "deleted");
        var state = new GrainState<Counter>(new Counter { Value = 3 });
        await storage.WriteStateAsync("deleting", id, state);
        await storage.WriteStateAsync("deleting", id, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("deleting", id, new GrainState<Counter>(new Counter(), "1")));
        await storage.ClearStateAsync("deleting", id, state);

        Assert.Null(state.ETag);
        Assert.Equal(0L, await Schema.Scalar<long>(_cs, "SELECT count(*) FROM OrleansStorage WHERE GrainTypeString = 'deleting'"));
        await storage.WriteStateAsync("deleting", id, state);
        Assert.Equal("1", state.ETag);
    }
}
