using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Villages.Cluster.Tests.Infrastructure;
using Villages.Grains;
using Villages.Grains.Ledger;

namespace Villages.Cluster.Tests.Storage;

/// <summary>
/// silo-config/sql/sqlite/orleans-storage.sql under Orleans' own ADO.NET grain storage provider: versions, conflicts
/// and clears exactly as the provider expects them, so a stale activation can never overwrite a newer checkpoint.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SqliteGrainStorageTests(ClusterFixture fixture)
{
    private IGrainStorage Storage => fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Villages);

    [Fact]
    public async Task Writes_carry_versions_and_a_stale_or_versionless_second_writer_is_a_conflict()
    {
        var id = GrainId.Create("probe", "sqlite-" + Guid.NewGuid().ToString("N"));
        var missing = new GrainState<LedgerState>();
        await Storage.ReadStateAsync("probe", id, missing);
        Assert.False(missing.RecordExists);

        var writer = new GrainState<LedgerState>(new LedgerState { RolledUpThrough = 1 });
        await Storage.WriteStateAsync("probe", id, writer);
        Assert.Equal("1", writer.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("probe", id, new GrainState<LedgerState>(new LedgerState { RolledUpThrough = 5 })));

        writer.State = new LedgerState { RolledUpThrough = 2 };
        await Storage.WriteStateAsync("probe", id, writer);
        Assert.Equal("2", writer.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("probe", id, new GrainState<LedgerState>(new LedgerState { RolledUpThrough = 9 }, "1")));

        var reader = new GrainState<LedgerState>();
        await Storage.ReadStateAsync("probe", id, reader);
        Assert.Equal((2L, "2"), (reader.State!.RolledUpThrough, reader.ETag));

        await Storage.ClearStateAsync("probe", id, reader);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("probe", id, writer));
    }

    [Fact]
    public async Task A_versioned_write_to_a_row_deleted_behind_it_is_a_conflict_not_a_new_row()
    {
        var key = "deleted-" + Guid.NewGuid().ToString("N");
        var id = GrainId.Create("probe", key);
        var writer = new GrainState<LedgerState>(new LedgerState { RolledUpThrough = 1 });
        await Storage.WriteStateAsync("probe", id, writer);

        await using (var c = new SqliteConnection($"Data Source={Path.Combine(fixture.DataFolder, "grains.db")}"))
        {
            await c.OpenAsync();
            await using var delete = c.CreateCommand();
            delete.CommandText = "DELETE FROM OrleansStorage WHERE GrainTypeString = 'probe'";
            await delete.ExecuteNonQueryAsync();
        }

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("probe", id, writer));
    }
}
