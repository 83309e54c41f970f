using System.Data.Common;
using Microsoft.Data.Sqlite;
using Villages.Abstractions.Registry;

namespace Villages.Grains.Journal;

/// <summary>Registering sellers, and counting them per county in the same transaction (docs/architecture.md, "Seller counts").</summary>
public sealed partial class SqlJournal
{
    public Task<RegistrationOutcome> RegisterSeller(SellerProfile p) => database.Write(async (c, tx) =>
    {
        // Creating first, and reading a seller that exists only under its row's lock, means that two registrations of
        // one seller at once (a duplicate activation of its ledger, two callers) can neither both count it as new nor
        // both move it: the second waits for the first and then sees what it wrote.
        var created = await Execute(tx,
            """
            INSERT INTO villages_sellers (seller_id, name, village_code, kind, members, has_sales)
            VALUES (@id, @name, @village, @kind, @members, 0)
            ON CONFLICT (seller_id) DO NOTHING
            """,
            Profile(p));
        if (created == 1)
        {
            await ChangeCounts(tx, [(CountyOf(p.VillageCode), +1)]);
            return RegistrationOutcome.Created;
        }

        var existing = await LockedSeller(tx, p.SellerId);
        if (existing.ToProfile() == p)
        {
            return RegistrationOutcome.Unchanged;
        }

        if (existing.HasSales && existing.VillageCode != p.VillageCode)
        {
            return RegistrationOutcome.WouldMoveSellerWithSales;
        }

        await Execute(tx,
            """
            UPDATE villages_sellers SET name = @name, village_code = @village, kind = @kind, members = @members
            WHERE seller_id = @id
            """,
            Profile(p));
        var (from, to) = (CountyOf(existing.VillageCode), CountyOf(p.VillageCode));
        if (from != to)
        {
            // In code order, so that two opposite moves at once wait for each other on PostgreSQL instead of deadlocking.
            await ChangeCounts(tx, new[] { (from, -1), (to, +1) }.OrderBy(change => change.Item1, StringComparer.Ordinal));
        }

        return RegistrationOutcome.Updated;
    });

    public async Task<long> CountSellers(IEnumerable<JournalScope> scopes)
    {
        long sellers = 0;
        await using var c = await database.Open();
        foreach (var scope in scopes)
        {
            var (sql, args) = CountOf(scope);
            await using var cmd = c.Command(sql, args);
            sellers += Convert.ToInt64(await cmd.ExecuteScalarAsync());
        }

        return sellers;
    }

    /// <summary>
    /// A county or any region above it sums its counties' counts (a few thousand rows for the nation, where counting
    /// a million sellers made the national summary 13 ms); a township or village counts its own sellers, a few hundred
    /// at most.
    /// </summary>
    private static (string Sql, (string, object)[] Args) CountOf(JournalScope scope)
    {
        if (scope is JournalScope.Everything or JournalScope.UnderRegion { CodePrefix.Length: <= 6 })
        {
            var (counties, countyArgs) = Filter(scope, column: "county_code");
            return ($"SELECT COALESCE(SUM(sellers), 0) FROM villages_county_sellers WHERE 1 = 1{counties}", countyArgs);
        }

        var (filter, args) = Filter(scope);
        return ($"SELECT COUNT(*) FROM villages_sellers WHERE 1 = 1{filter}", args);
    }

    private static string CountyOf(string villageCode) => villageCode[..6];

    private static (string, object)[] Profile(SellerProfile p) =>
        [("id", p.SellerId), ("name", p.Name), ("village", p.VillageCode), ("kind", (int)p.Kind), ("members", p.Members)];

    private static async Task<SellerRecord> LockedSeller(DbTransaction tx, string sellerId)
    {
        // SQLite has no row locks, nor needs them: its writers take turns for whole transactions.
        var lockRow = tx.Connection is SqliteConnection ? "" : " FOR UPDATE";
        await using var find = tx.Command($"SELECT {SellerColumns} FROM villages_sellers WHERE seller_id = @id{lockRow}", ("id", sellerId));
        await using var r = await find.ExecuteReaderAsync();
        return await r.ReadAsync() ? ReadSeller(r) : throw new InvalidOperationException($"Seller {sellerId} was neither created nor found.");
    }

    private static async Task ChangeCounts(DbTransaction tx, IEnumerable<(string County, int Change)> changes)
    {
        foreach (var (county, change) in changes)
        {
            await Execute(tx,
                """
                INSERT INTO villages_county_sellers (county_code, sellers) VALUES (@county, @change)
                ON CONFLICT (county_code) DO UPDATE SET sellers = villages_county_sellers.sellers + excluded.sellers
                """,
                ("county", county), ("change", change));
        }
    }

    private static async Task<int> Execute(DbTransaction tx, string sql, params (string, object)[] args)
    {
        await using var cmd = tx.Command(sql, args);
        return await cmd.ExecuteNonQueryAsync();
    }
}
