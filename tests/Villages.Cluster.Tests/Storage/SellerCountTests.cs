using CsCheck;
using Villages.Abstractions.Ingest;
using Villages.Abstractions.Registry;
using Villages.Cluster.Tests.Infrastructure;
using Villages.Domain.Regions;
using Villages.Domain.Time;
using Villages.Grains.Journal;
using Villages.Hosting.Configuration;
using Villages.Hosting.Stores;

namespace Villages.Cluster.Tests.Storage;

/// <summary>
/// A region's registered sellers: counties and everything above them sum the per-county counts that registration
/// keeps, townships and villages count their sellers. Both must agree with the sellers' own rows whatever the order
/// of registrations, moves, refused moves and repeats, and after the schema recounts.
/// </summary>
public sealed class SellerCountTests : SqliteFolder
{
    private static readonly string[] Villages =
    [
        "110101001001", "110101001002", "110101002001", "110102001001", "110201001001", "120101001001", "120101001002",
    ];

    private static readonly DateTimeOffset Noon = new(2017, 11, 11, 12, 0, 0, Cst.Offset);

    [Fact]
    public async Task Every_region_counts_the_sellers_whose_village_lies_in_it_after_any_registrations_and_moves()
    {
        var steps = Gen.Select(Gen.Int[0, 7], Gen.Int[0, Villages.Length - 1], Gen.Bool).Array[1, 40];
        var unCounted = Gen.Int[0, Villages.Length - 1].Array[0, 2];
        var run = 0;
        await Gen.Select(steps, unCounted).SampleAsync(
            async (steps, olderBuildSellers) =>
            {
                var (database, journal) = await Fresh($"counts{Interlocked.Increment(ref run)}");
                var seq = 0L;
                foreach (var (seller, village, sells) in steps)
                {
                    await journal.RegisterSeller(new SellerProfile($"s{seller}", "name", Villages[village], SellerKind.Household, 1));
                    if (sells)
                    {
                        var record = (await journal.FindSeller($"s{seller}"))!;
                        var sale = new SaleEntry(0, 1, $"sale{++seq}", record.SellerId, Noon, "walnuts", 4, 1, 100, 1000, "buyer");
                        await journal.AppendSales(0, seq, [(sale, record)]);
                    }
                }

                await AssertCountsMatchTheSellers(journal);

                // Rows an older build registered without counting them, then the schema applied again (a restart).
                for (var i = 0; i < olderBuildSellers.Length; i++)
                {
                    await database.Write(async (c, tx) =>
                    {
                        await using var insert = c.Command(
                            $"INSERT INTO villages_sellers (seller_id, name, village_code, kind, members) VALUES ('older{i}', 'n', '{Villages[olderBuildSellers[i]]}', 0, 1)");
                        insert.Transaction = tx;
                        return await insert.ExecuteNonQueryAsync();
                    });
                }

                await database.Apply(JournalScript());
                await AssertCountsMatchTheSellers(journal);
            },
            iter: 60);
    }

    [Fact]
    public async Task A_programme_counts_the_sellers_of_all_its_members_at_once()
    {
        var (_, journal) = await Fresh("programme");
        foreach (var (id, village) in new[] { ("a", Villages[0]), ("b", Villages[3]), ("c", Villages[4]), ("d", Villages[5]) })
        {
            await journal.RegisterSeller(new SellerProfile(id, "name", village, SellerKind.Household, 1));
        }

        Assert.Equal(3, await journal.CountSellers([new JournalScope.UnderRegion("1101"), new JournalScope.UnderRegion(Villages[5])]));
        Assert.Equal(0, await journal.CountSellers([]));
    }

    [Fact]
    public async Task A_silo_refuses_a_journal_whose_schema_predates_the_seller_counts()
    {
        var (database, _) = await Fresh("older");
        await database.Write(async (c, tx) =>
        {
            await using var drop = c.Command("DROP TABLE villages_county_sellers");
            drop.Transaction = tx;
            return await drop.ExecuteNonQueryAsync();
        });

        var refused = await Assert.ThrowsAsync<SettingsException>(() => SchemaInstaller.Verify(new VillagesSettings
        {
            DataFolder = Folder,
            ConfigFolder = Path.Combine(AppContext.BaseDirectory, "silo-config"),
            JournalConnectionString = ConnectionString("older"),
            GrainStorageConnectionString = ConnectionString("grains"),
        }));
        Assert.Contains("villages db init", refused.Message, StringComparison.Ordinal);
    }

    private async Task<(JournalDatabase Database, SqlJournal Journal)> Fresh(string name)
    {
        var database = Database(name);
        await database.Apply(JournalScript());
        return (database, new SqlJournal(database));
    }

    /// <summary>Each region above every village, and the nation, against the sellers' rows read one by one.</summary>
    private static async Task AssertCountsMatchTheSellers(SqlJournal journal)
    {
        var villageOf = new List<string>();
        foreach (var id in Enumerable.Range(0, 8).Select(i => $"s{i}").Concat(Enumerable.Range(0, 2).Select(i => $"older{i}")))
        {
            if (await journal.FindSeller(id) is { } seller)
            {
                villageOf.Add(seller.VillageCode);
            }
        }

        foreach (var region in Villages.SelectMany(RegionCode.SelfAndAncestors).Distinct())
        {
            var expected = villageOf.Count(v => RegionCode.Contains(region, v));
            Assert.True(
                expected == await journal.CountSellers([JournalScope.ForRegion(region)]),
                $"{region}: expected {expected}, counted {await journal.CountSellers([JournalScope.ForRegion(region)])}");
        }
    }
}
