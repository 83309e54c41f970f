using Npgsql;
using Villages.Abstractions.Ingest;
using Villages.Abstractions.Registry;
using Villages.Grains.Journal;
using Villages.Postgres.Tests.Infrastructure;

namespace Villages.Postgres.Tests;

/// <summary>The server dies under the journal (a server of its own, so no other test feels it).</summary>
public sealed class FaultTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task A_batch_lost_with_the_server_commits_whole_under_the_same_number_once_it_is_back()
    {
        var cs = await Schema.Fresh(server, "faults");
        var journal = new SqlJournal(new JournalDatabase(NpgsqlFactory.Instance, cs));
        await journal.RegisterSeller(new SellerProfile("s1", "Li", "110101001001", SellerKind.Household, 2));
        var seller = (await journal.FindSeller("s1"))!;
        await journal.AppendSales(4, 1, [(Sale("a"), seller)]);

        await server.Stop();
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => journal.AppendSales(4, 2, [(Sale("b"), seller), (Sale("c"), seller)]));
        await server.Start();

        Assert.Equal(1, await journal.LastSequence(4));
        Assert.Equal(new[] { true, true }, await journal.AppendSales(4, 2, [(Sale("b"), seller), (Sale("c"), seller)]));
        Assert.Equal(3, (await journal.ReadAll(new JournalScope.OfSeller("s1"))).Count);
    }

    private static SaleEntry Sale(string id) =>
        new(0, 1, id, "s1", new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.FromHours(8)), "tea", 1, 1, 100, 500, "buyer");
}
