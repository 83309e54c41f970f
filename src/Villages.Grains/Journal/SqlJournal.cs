using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Villages.Abstractions.Ingest;
using Villages.Abstractions.Registry;
using Villages.Abstractions.Rollup;
using Villages.Domain.Hashing;
using Villages.Domain.Income;
using Villages.Domain.Regions;
using Villages.Domain.Time;

namespace Villages.Grains.Journal;

/// <summary>
/// The journal in SQLite (embedded) or PostgreSQL (a cluster), through their ADO.NET providers; the statements below
/// are the common subset both speak, but for a village's read at its queries, which has a form for each
/// (<see cref="ReadAfterEveryLedgerStatement"/>). The schema lives in silo-config/sql.
/// </summary>
public sealed partial class SqlJournal(JournalDatabase database) : IJournal
{
    private const string SellerColumns = "seller_id, name, village_code, kind, members, has_sales";

    // Well under both databases' limits on parameters in one statement (SQLite 32,766; PostgreSQL 65,535).
    private const int SellersPerLookup = 500;

    private const string EntryColumns = "kind, hour, platform, category, product, amount_fen, quantity, weight_g, customer_hash";

    private const string InsertSale =
        """
        INSERT INTO villages_entries (kind, platform, entry_id, ledger, seq, seller_id, village_code, hour, year,
            category, product, quantity, weight_g, amount_fen, customer_hash)
        VALUES (1, @platform, @id, @ledger, @seq, @seller, @village, @hour, @year,
            @category, @product, @quantity, @weight, @amount, @customer)
        ON CONFLICT DO NOTHING
        """;

    public async Task<SellerRecord?> FindSeller(string sellerId)
    {
        await using var c = await database.Open();
        await using var cmd = c.Command($"SELECT {SellerColumns} FROM villages_sellers WHERE seller_id = @id", ("id", sellerId));
        await using var r = await cmd.ExecuteReaderAsync();
        return await r.ReadAsync() ? ReadSeller(r) : null;
    }

    public async Task<Dictionary<string, SellerRecord>> FindSellers(IReadOnlyCollection<string> sellerIds)
    {
        var found = new Dictionary<string, SellerRecord>(StringComparer.Ordinal);
        if (sellerIds.Count == 0)
        {
            return found;
        }

        await using var c = await database.Open();
        foreach (var chunk in sellerIds.Chunk(SellersPerLookup))
        {
            var names = chunk.Select((_, i) => "@s" + i);
            await using var cmd = c.Command(
                $"SELECT {SellerColumns} FROM villages_sellers WHERE seller_id IN ({string.Join(", ", names)})",
                chunk.Select((id, i) => ("s" + i, (object)id)).ToArray());
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                var seller = ReadSeller(r);
                found[seller.SellerId] = seller;
            }
        }

        return found;
    }

    public async Task<IReadOnlyList<SellerRecord>> SellersIn(string villageCode)
    {
        await using var c = await database.Open();
        await using var cmd = c.Command(
            $"SELECT {SellerColumns} FROM villages_sellers WHERE village_code = @village", ("village", villageCode));
        await using var r = await cmd.ExecuteReaderAsync();
        var sellers = new List<SellerRecord>();
        while (await r.ReadAsync())
        {
            sellers.Add(ReadSeller(r));
        }

        return sellers;
    }

    public async Task<long> LastSequence(int ledger)
    {
        await using var c = await database.Open();
        await using var cmd = c.Command("SELECT last_seq FROM villages_ledgers WHERE ledger = @l", ("l", ledger));
        return await cmd.ExecuteScalarAsync() is { } v and not DBNull ? Convert.ToInt64(v) : 0;
    }

    public Task<bool[]> AppendSales(int ledger, long seq, IReadOnlyList<(SaleEntry Sale, SellerRecord Seller)> sales) => database.Write(async (c, tx) =>
    {
        // A server database (PostgreSQL) takes the whole batch in one round trip; SQLite runs in process, where a
        // prepared statement stepped once a row costs less than building a batch.
        var accepted = c is SqliteConnection sqlite
            ? InsertSalesStepwise(sqlite, ledger, seq, sales)
            : await InsertSalesBatched(c, tx, ledger, seq, sales);
        var anyAccepted = accepted.Contains(true);
        var newSellers = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < sales.Count; i++)
        {
            if (accepted[i] && !sales[i].Seller.HasSales)
            {
                newSellers[sales[i].Sale.SellerId] = sales[i].Seller.VillageCode;
            }
        }

        foreach (var (newSeller, village) in newSellers)
        {
            // Only where the seller still is: a seller's rows must all carry its registered village, which its reads
            // name (Filter). A seller without sales may have been moved since this copy was read (by a second
            // activation of its ledger); then the whole write is undone and the ledger reads the seller again.
            await using var mark = tx.Command(
                "UPDATE villages_sellers SET has_sales = 1 WHERE seller_id = @id AND village_code = @village",
                ("id", newSeller), ("village", village));
            if (await mark.ExecuteNonQueryAsync() != 1)
            {
                throw new SellerMovedException(newSeller, village);
            }
        }

        if (anyAccepted)
        {
            await AdvanceLedger(tx, ledger, seq);
        }

        return accepted;
    });

    public Task<(RefundCheck[] Checks, RollupEntry?[] Accepted, string[] VillageCodes)> AppendRefunds(
        int ledger, long seq, IReadOnlyList<RefundEntry> refunds) => database.Write(async (c, tx) =>
    {
        var checks = new RefundCheck[refunds.Count];
        var accepted = new RollupEntry?[refunds.Count];
        var villages = new string[refunds.Count];
        var anyAccepted = false;
        for (var i = 0; i < refunds.Count; i++)
        {
            var r = refunds[i];
            await using (var dup = tx.Command(
                "SELECT 1 FROM villages_entries WHERE kind = 2 AND platform = @p AND entry_id = @id",
                ("p", (int)r.Platform), ("id", r.RefundId)))
            {
                if (await dup.ExecuteScalarAsync() is not null)
                {
                    checks[i] = new RefundCheck(RefundOutcome.Duplicate, 0, 0);
                    continue;
                }
            }

            string seller, village, product;
            int category;
            long amountLeft, quantityLeft;
            await using (var sale = tx.Command(
                """
                SELECT seller_id, village_code, category, product, amount_fen - refunded_fen, quantity - refunded_qty
                FROM villages_entries WHERE kind = 1 AND platform = @p AND entry_id = @id
                """,
                ("p", (int)r.Platform), ("id", r.SaleId)))
            {
                await using var row = await sale.ExecuteReaderAsync();
                if (!await row.ReadAsync())
                {
                    checks[i] = new RefundCheck(RefundOutcome.UnknownSale, 0, 0);
                    continue;
                }

                (seller, village, category, product, amountLeft, quantityLeft) =
                    (row.GetString(0), row.GetString(1), row.GetInt32(2), row.GetString(3), row.GetInt64(4), row.GetInt64(5));
            }

            var outcome = seller != r.SellerId ? RefundOutcome.OtherSellersSale
                : r.AmountFen > amountLeft ? RefundOutcome.ExceedsAmountLeft
                : r.Quantity > quantityLeft ? RefundOutcome.ExceedsQuantityLeft
                : RefundOutcome.Accepted;
            checks[i] = new RefundCheck(outcome, amountLeft, quantityLeft);
            if (outcome != RefundOutcome.Accepted)
            {
                continue;
            }

            var hour = Cst.HourOf(r.Time);
            await using (var insert = tx.Command(
                """
                INSERT INTO villages_entries (kind, platform, entry_id, ledger, seq, seller_id, village_code, hour, year,
                    category, product, quantity, weight_g, amount_fen, customer_hash, sale_id)
                VALUES (2, @p, @id, @ledger, @seq, @seller, @village, @hour, @year, @category, @product, @quantity, 0, @amount, 0, @sale)
                """,
                ("p", (int)r.Platform), ("id", r.RefundId), ("ledger", ledger), ("seq", seq), ("seller", seller), ("village", village),
                ("hour", hour), ("year", Cst.WallClock(r.Time).Year), ("category", category), ("product", product),
                ("quantity", r.Quantity), ("amount", r.AmountFen), ("sale", r.SaleId)))
            {
                await insert.ExecuteNonQueryAsync();
            }

            await using (var update = tx.Command(
                """
                UPDATE villages_entries SET refunded_fen = refunded_fen + @amount, refunded_qty = refunded_qty + @quantity
                WHERE kind = 1 AND platform = @p AND entry_id = @id
                """,
                ("amount", r.AmountFen), ("quantity", r.Quantity), ("p", (int)r.Platform), ("id", r.SaleId)))
            {
                await update.ExecuteNonQueryAsync();
            }

            accepted[i] = new RollupEntry(2, hour, r.Platform, (byte)category, product, r.AmountFen, r.Quantity, 0, 0);
            villages[i] = village;
            anyAccepted = true;
        }

        if (anyAccepted)
        {
            await AdvanceLedger(tx, ledger, seq);
        }

        return (checks, accepted, villages);
    });

    public Task<bool[]> AppendIncome(IReadOnlyList<IncomeEntry> income) => database.Write(async (c, tx) =>
    {
        var changed = new bool[income.Count];
        await using var upsert = tx.Command(
            """
            INSERT INTO villages_income (seller_id, year, source, amount_fen) VALUES (@seller, @year, @source, @amount)
            ON CONFLICT (seller_id, year, source) DO UPDATE SET amount_fen = excluded.amount_fen
            WHERE villages_income.amount_fen <> excluded.amount_fen
            """,
            ("seller", ""), ("year", 0), ("source", ""), ("amount", 0L));
        for (var i = 0; i < income.Count; i++)
        {
            var e = income[i];
            upsert.Parameters["@seller"].Value = e.SellerId;
            upsert.Parameters["@year"].Value = e.Year;
            upsert.Parameters["@source"].Value = e.Source;
            upsert.Parameters["@amount"].Value = e.AmountFen;
            changed[i] = await upsert.ExecuteNonQueryAsync() == 1;
        }

        return changed;
    });

    public async Task<List<RollupEntry>> ReadWindows(JournalScope scope, IReadOnlyList<BatchWindow> windows)
    {
        if (windows.Count == 0)
        {
            return [];
        }

        var (sql, args) = ReadWindowsStatement(scope, windows);
        await using var c = await database.Open();
        await using var cmd = c.Command(sql, args);
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<RollupEntry>();
        while (await r.ReadAsync())
        {
            rows.Add(ReadEntry(r));
        }

        return rows;
    }

    public async Task<List<(long Seq, RollupEntry Entry)>> ReadAfter(JournalScope scope, int ledger, long afterSeq)
    {
        var (sql, args) = ReadAfterStatement(scope, ledger, afterSeq);
        await using var c = await database.Open();
        await using var cmd = c.Command(sql, args);
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<(long, RollupEntry)>();
        while (await r.ReadAsync())
        {
            rows.Add((r.GetInt64(9), ReadEntry(r)));
        }

        return rows;
    }

    public async Task<List<(int Ledger, long Seq, RollupEntry Entry)>> ReadAfter(JournalScope scope, IReadOnlyList<long> afterSeqs)
    {
        await using var c = await database.Open();
        var (sql, args) = ReadAfterEveryLedgerStatement(scope, afterSeqs, lateral: c is not SqliteConnection);
        return await RowsWithBatches(c, sql, args);
    }

    /// <summary>Rows of <see cref="EntryColumns"/> followed by their ledger and batch.</summary>
    private static async Task<List<(int Ledger, long Seq, RollupEntry Entry)>> RowsWithBatches(DbConnection c, string sql, (string, object)[] args)
    {
        await using var cmd = c.Command(sql, args);
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<(int, long, RollupEntry)>();
        while (await r.ReadAsync())
        {
            rows.Add((r.GetInt32(9), r.GetInt64(10), ReadEntry(r)));
        }

        return rows;
    }

    /// <summary>
    /// The statement behind <see cref="ReadAfter(JournalScope, IReadOnlyList{long})"/>. For a village, which asks it at
    /// every query: its sellers, each joined to every ledger's position and then to its rows above it, so that each
    /// pair is a seek of the village index with all four columns. The order is fixed: in SQLite by CROSS JOINs (its
    /// planner otherwise walked a ledger's batches), in PostgreSQL by a LATERAL subquery kept whole by OFFSET 0 (it
    /// otherwise scanned all of each seller's rows and filtered them by the positions); both plans are tested. The
    /// windows' statement, with a village's sellers looked up inside each of its sixteen terms, made a village's
    /// ranking 2× dearer on SQLite and 5× in a cluster (docs/benchmarks.md, the table of changes).
    /// </summary>
    internal static (string Sql, (string, object)[] Args) ReadAfterEveryLedgerStatement(JournalScope scope, IReadOnlyList<long> afterSeqs, bool lateral)
    {
        if (scope is not JournalScope.UnderRegion village || !RegionCode.IsVillage(village.CodePrefix))
        {
            throw new ArgumentException($"Only a village reads its rows of every ledger at once, not {scope}.", nameof(scope));
        }

        var positions = string.Join(", ", afterSeqs.Select((_, ledger) => $"({ledger}, @a{ledger})"));
        var rows = lateral
            ? $"""
              CROSS JOIN LATERAL (SELECT {EntryColumns}, ledger, seq FROM villages_entries
                  WHERE village_code = s.village_code AND seller_id = s.seller_id AND ledger = p.ledger AND seq > p.after_seq
                  OFFSET 0) e
              WHERE s.village_code = @village
              """
            : """
              CROSS JOIN villages_entries e
              WHERE s.village_code = @village AND e.village_code = s.village_code AND e.seller_id = s.seller_id
                AND e.ledger = p.ledger AND e.seq > p.after_seq
              """;
        return (
            $"""
            WITH p (ledger, after_seq) AS (VALUES {positions})
            SELECT {string.Join(", ", EntryColumns.Split(", ").Select(c => "e." + c))}, e.ledger, e.seq
            FROM villages_sellers s CROSS JOIN p {rows}
            """,
            [("village", village.CodePrefix), .. afterSeqs.Select((after, ledger) => ($"a{ledger}", (object)after))]);
    }

    /// <summary>The statement behind <see cref="ReadAfter(JournalScope, int, long)"/>.</summary>
    internal static (string Sql, (string, object)[] Args) ReadAfterStatement(JournalScope scope, int ledger, long afterSeq)
    {
        var (filter, args) = Filter(scope);
        return ($"SELECT {EntryColumns}, seq FROM villages_entries WHERE ledger = @ledger AND seq > @after{filter}", [("ledger", ledger), ("after", afterSeq), .. args]);
    }

    public async Task<long[]> LedgerPositions()
    {
        var positions = new long[LedgerPartition.Count];
        await using var c = await database.Open();
        await using var cmd = c.Command("SELECT ledger, last_seq FROM villages_ledgers");
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            positions[r.GetInt32(0)] = r.GetInt64(1);
        }

        return positions;
    }

    public async Task<List<(int Ledger, long Seq, RollupEntry Entry)>> ReadAll(JournalScope scope)
    {
        var (filter, args) = Filter(scope);
        await using var c = await database.Open();
        return await RowsWithBatches(c, $"SELECT {EntryColumns}, ledger, seq FROM villages_entries WHERE 1 = 1{filter}", args);
    }

    public async Task<List<RoutedEntry>> ReadBatches(int ledger, long afterSeq, long uptoSeq)
    {
        await using var c = await database.Open();
        await using var cmd = c.Command(
            $"SELECT {EntryColumns}, village_code, seq FROM villages_entries WHERE ledger = @ledger AND seq > @after AND seq <= @upto ORDER BY seq",
            ("ledger", ledger), ("after", afterSeq), ("upto", uptoSeq));
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<RoutedEntry>();
        while (await r.ReadAsync())
        {
            rows.Add(new RoutedEntry(ReadEntry(r), r.GetInt64(10), r.GetString(9)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<HouseholdIncome>> Households(IReadOnlyList<JournalScope> scopes, int year)
    {
        var result = new List<HouseholdIncome>();
        await using var c = await database.Open();
        foreach (var scope in scopes)
        {
            var (sql, args) = HouseholdsStatement(scope, year);
            await using var cmd = c.Command(sql, args);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                result.Add(new HouseholdIncome(r.GetInt32(0), r.GetInt64(1), r.GetInt64(2)));
            }
        }

        return result;
    }

    public async Task<string?> RegionName(string code)
    {
        await using var c = await database.Open();
        await using var cmd = c.Command("SELECT name FROM villages_regions WHERE code = @code", ("code", code));
        return await cmd.ExecuteScalarAsync() as string;
    }

    public Task SetRegionName(string code, string name) => database.Write(async (c, tx) =>
    {
        await using var cmd = tx.Command(
            "INSERT INTO villages_regions (code, name) VALUES (@code, @name) ON CONFLICT (code) DO UPDATE SET name = excluded.name",
            ("code", code), ("name", name));
        return await cmd.ExecuteNonQueryAsync();
    });

    public Task ImportRegions(IEnumerable<(string Code, string Name)> regions) => database.Write(async (c, tx) =>
    {
        await using var cmd = tx.Command(
            "INSERT INTO villages_regions (code, name) VALUES (@code, @name) ON CONFLICT (code) DO NOTHING",
            ("code", ""), ("name", ""));
        foreach (var (code, name) in regions)
        {
            cmd.Parameters["@code"].Value = code;
            cmd.Parameters["@name"].Value = name;
            await cmd.ExecuteNonQueryAsync();
        }

        return true;
    });

    public async Task<IReadOnlyList<string>> ChildRegions(string code)
    {
        var length = RegionCode.ChildLength(code);
        if (length == 0)
        {
            return [];
        }

        var (filter, args) = Filter(JournalScope.ForRegion(code), "", "code");
        var (sellerFilter, _) = Filter(JournalScope.ForRegion(code));
        await using var c = await database.Open();
        await using var cmd = c.Command(
            $"""
            SELECT code FROM villages_regions WHERE LENGTH(code) = @length{filter} AND code <> 'CN'
            UNION
            SELECT DISTINCT SUBSTR(village_code, 1, @length) FROM villages_sellers WHERE 1 = 1{sellerFilter}
            """,
            [("length", length), .. args]);
        await using var r = await cmd.ExecuteReaderAsync();
        var children = new List<string>();
        while (await r.ReadAsync())
        {
            children.Add(r.GetString(0));
        }

        children.Sort(StringComparer.Ordinal);
        return children;
    }

    public async Task<bool> RegionExists(string code)
    {
        if (code == RegionCode.Nation)
        {
            return true;
        }

        if (await RegionName(code) is not null)
        {
            return true;
        }

        var (filter, args) = Filter(JournalScope.ForRegion(code));
        await using var c = await database.Open();
        await using var cmd = c.Command($"SELECT 1 FROM villages_sellers WHERE 1 = 1{filter} LIMIT 1", args);
        return await cmd.ExecuteScalarAsync() is not null;
    }

    /// <summary>
    /// The sales through SQLite's own statement API, in the transaction the connection has open: one prepared
    /// statement, its batch-wide values bound once and each line's bound and stepped. Executed through ADO.NET, every
    /// line allocated a binder per parameter, boxed numbers, a data reader and its statement iterator: over a kilobyte
    /// a line; the binders alone were 11.6% of what the node allocated under ingest (docs/benchmarks.md).
    /// </summary>
    private static bool[] InsertSalesStepwise(SqliteConnection c, int ledger, long seq, IReadOnlyList<(SaleEntry Sale, SellerRecord Seller)> sales)
    {
        var db = c.Handle!;
        var accepted = new bool[sales.Count];
        Check(raw.sqlite3_prepare_v2(db, InsertSale, out var insert), db);
        using (insert)
        {
            int At(string name) => raw.sqlite3_bind_parameter_index(insert, "@" + name);
            int platform = At("platform"), id = At("id"), seller = At("seller"), village = At("village"), hour = At("hour"),
                year = At("year"), category = At("category"), product = At("product"), quantity = At("quantity"),
                weight = At("weight"), amount = At("amount"), customer = At("customer");
            Check(raw.sqlite3_bind_int(insert, At("ledger"), ledger), db);
            Check(raw.sqlite3_bind_int64(insert, At("seq"), seq), db);
            for (var i = 0; i < sales.Count; i++)
            {
                var (s, record) = sales[i];
                Check(raw.sqlite3_bind_int(insert, platform, (int)s.Platform), db);
                BindText(insert, id, s.SaleId, db);
                BindText(insert, seller, s.SellerId, db);
                BindText(insert, village, record.VillageCode, db);
                Check(raw.sqlite3_bind_int(insert, hour, Cst.HourOf(s.Time)), db);
                Check(raw.sqlite3_bind_int(insert, year, Cst.WallClock(s.Time).Year), db);
                Check(raw.sqlite3_bind_int(insert, category, (int)s.Category), db);
                BindText(insert, product, s.Product, db);
                Check(raw.sqlite3_bind_int64(insert, quantity, s.Quantity), db);
                Check(raw.sqlite3_bind_int64(insert, weight, s.WeightGrams), db);
                Check(raw.sqlite3_bind_int64(insert, amount, s.AmountFen), db);
                Check(raw.sqlite3_bind_int64(insert, customer, unchecked((long)CustomerHash.Of(s.Customer))), db);
                var rc = raw.sqlite3_step(insert);
                raw.sqlite3_reset(insert);
                if (rc != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(rc, db);
                }

                accepted[i] = raw.sqlite3_changes(db) == 1;
            }
        }

        return accepted;
    }

    // UTF-16 straight from the string (SQLite copies and converts it); an empty span would bind NULL, not ''.
    private static void BindText(sqlite3_stmt statement, int index, string value, sqlite3 db) =>
        Check(value.Length == 0 ? raw.sqlite3_bind_text(statement, index, value) : raw.sqlite3_bind_text16(statement, index, value.AsSpan()), db);

    private static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    private static async Task<bool[]> InsertSalesBatched(
        DbConnection c, DbTransaction tx, int ledger, long seq, IReadOnlyList<(SaleEntry Sale, SellerRecord Seller)> sales)
    {
        await using var batch = c.CreateBatch();
        batch.Transaction = tx;
        foreach (var (sale, seller) in sales)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = InsertSale;
            foreach (var (name, value) in SaleParameters(ledger, seq, sale, seller))
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@" + name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync();
        return batch.BatchCommands.Select(command => command.RecordsAffected == 1).ToArray();
    }

    private static (string, object)[] SaleParameters(int ledger, long seq, SaleEntry s, SellerRecord seller) =>
    [
        ("platform", (int)s.Platform), ("id", s.SaleId), ("ledger", ledger), ("seq", seq), ("seller", s.SellerId),
        ("village", seller.VillageCode), ("hour", Cst.HourOf(s.Time)), ("year", Cst.WallClock(s.Time).Year),
        ("category", (int)s.Category), ("product", s.Product), ("quantity", s.Quantity), ("weight", s.WeightGrams),
        ("amount", s.AmountFen), ("customer", unchecked((long)CustomerHash.Of(s.Customer))),
    ];

    /// <summary>
    /// Advances the ledger's position from seq - 1 to seq, or fails the transaction: a fence, so that if two
    /// activations of one ledger ever overlapped, the second could never number a batch the first already used.
    /// </summary>
    private static async Task AdvanceLedger(DbTransaction tx, int ledger, long seq)
    {
        await using var cmd = tx.Command(
            """
            INSERT INTO villages_ledgers (ledger, last_seq) VALUES (@l, @s)
            ON CONFLICT (ledger) DO UPDATE SET last_seq = excluded.last_seq WHERE villages_ledgers.last_seq = @previous
            """,
            ("l", ledger), ("s", seq), ("previous", seq - 1));
        if (await cmd.ExecuteNonQueryAsync() != 1)
        {
            throw new LedgerFencedException(ledger, seq);
        }
    }

    /// <summary>Each household of the scope with its income in the year and the year before (<see cref="Households"/>).</summary>
    internal static (string Sql, (string, object)[] Args) HouseholdsStatement(JournalScope scope, int year)
    {
        var (filter, args) = Filter(scope, "s.");
        return (
            $"""
            SELECT s.members, {IncomeOf("year")}, {IncomeOf("previous")}
            FROM villages_sellers s WHERE s.kind = 0{filter}
            """,
            [("year", year), ("previous", year - 1), .. args]);
    }

    /// <summary>
    /// A household's income in a year: net online proceeds plus other income (cast, since SUM widens in some databases).
    /// The village is named so that a household's rows are found within its village's part of the journal's index.
    /// </summary>
    private static string IncomeOf(string yearParameter) =>
        $"""
        CAST(COALESCE((SELECT SUM(CASE WHEN e.kind = 1 THEN e.amount_fen ELSE -e.amount_fen END) FROM villages_entries e
                       WHERE e.village_code = s.village_code AND e.seller_id = s.seller_id AND e.year = @{yearParameter}), 0)
           + COALESCE((SELECT SUM(i.amount_fen) FROM villages_income i WHERE i.seller_id = s.seller_id AND i.year = @{yearParameter}), 0) AS BIGINT)
        """;

    private static RollupEntry ReadEntry(DbDataReader r) => new(
        (byte)r.GetInt32(0), r.GetInt32(1), (byte)r.GetInt32(2), (byte)r.GetInt32(3), r.GetString(4),
        r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), unchecked((ulong)r.GetInt64(8)));

    private static SellerRecord ReadSeller(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), (SellerKind)r.GetInt32(3), r.GetInt32(4), r.GetInt32(5) != 0);

    /// <summary>
    /// The statement behind <see cref="ReadWindows"/>: one term a window, each with the scope's own condition, so that
    /// every term is answered by seeks and the results united, never a scan of the scope's rows for a condition on the
    /// ledger nor of the windows' batches for the scope. A seller seeks its rows of the window in the village index. A
    /// village seeks each of its sellers' rows of the window there: its part of that index is ordered by seller first,
    /// and walking all of it took 2.2 s for a village of a million rows where the seeks take 10 ms (`sqlite3`, a
    /// synthetic journal). Every row of a village is a seller's registered there, since a seller with sales cannot move.
    /// Above a village, the terms seek the batch index. SQLite does so (a multi-index OR; its plans are tested);
    /// PostgreSQL can with a bitmap OR, which no test checks.
    /// </summary>
    internal static (string Sql, (string, object)[] Args) ReadWindowsStatement(JournalScope scope, IReadOnlyList<BatchWindow> windows)
    {
        var (filter, scopeArgs) = Filter(scope);
        if (scope is JournalScope.UnderRegion r && RegionCode.IsVillage(r.CodePrefix))
        {
            filter += " AND seller_id IN (SELECT seller_id FROM villages_sellers WHERE village_code = @scopeVillage)";
        }

        var terms = windows.Select((w, i) => $"(ledger = @l{i} AND seq > @a{i} AND seq <= @u{i}{filter})");
        var args = windows.SelectMany((w, i) => new (string, object)[] { ($"l{i}", w.Ledger), ($"a{i}", w.AfterSeq), ($"u{i}", w.UptoSeq) });
        return ($"SELECT {EntryColumns} FROM villages_entries WHERE {string.Join(" OR ", terms)}", [.. args, .. scopeArgs]);
    }

    /// <summary>
    /// A region is a range of village codes: [prefix, prefix + "~"), since '~' sorts after every digit
    /// (the schema gives village codes a byte-wise collation so that this holds in every database). A village is its
    /// one code, and asked for by equality: with a range, SQLite reads a village's rows of one ledger's batches by
    /// scanning every row of those batches (villages_entries_by_batch) instead of seeking its village's index, and a
    /// village catching up after a reactivation at a million sellers took 17 to 30 seconds. A seller is asked for with
    /// its village, looked up in the statement by the sellers' key, so that it seeks its own rows within that village's.
    /// </summary>
    private static (string Sql, (string, object)[] Args) Filter(JournalScope scope, string alias = "", string column = "village_code") =>
        scope switch
        {
            JournalScope.OfSeller s => (
                $" AND {alias}village_code = (SELECT village_code FROM villages_sellers WHERE seller_id = @scopeSeller) AND {alias}seller_id = @scopeSeller",
                [("scopeSeller", s.SellerId)]),
            JournalScope.UnderRegion r when RegionCode.IsVillage(r.CodePrefix) => (
                $" AND {alias}{column} = @scopeVillage", [("scopeVillage", r.CodePrefix)]),
            JournalScope.UnderRegion r => (
                $" AND {alias}{column} >= @scopeFrom AND {alias}{column} < @scopeTo",
                [("scopeFrom", r.CodePrefix), ("scopeTo", r.CodePrefix + "~")]),
            _ => ("", []),
        };
}
