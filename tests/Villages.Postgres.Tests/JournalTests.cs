using Npgsql;
using Villages.Abstractions.Ingest;
using Villages.Abstractions.Registry;
using Villages.Abstractions.Rollup;
using Villages.Domain.Hashing;
using Villages.Domain.Income;
using Villages.Domain.Time;
using Villages.Grains.Journal;
using Villages.Postgres.Tests.Infrastructure;

namespace Villages.Postgres.Tests;

/// <summary>
/// Every statement of <see cref="SqlJournal"/> against journal.sql on PostgreSQL, read back with the same getters
/// the silos use. The database's default collation is ICU en-US, in which '~' sorts before the digits, so every
/// region query here holds only because the schema makes region codes byte-wise.
/// </summary>
public sealed class JournalTests(PostgresServer server) : IClassFixture<PostgresServer>, IAsyncLifetime
{
    private const string TownA = "110101001";
    private const string VillageA1 = "110101001001";
    private const string VillageA2 = "110101001002";
    private const string VillageB1 = "110102001001";
    private const int Year = 2024;

    private static readonly DateTimeOffset Noon = new(Year, 6, 1, 12, 0, 0, Cst.Offset);

    private string _cs = "";
    private SqlJournal _journal = null!;

    public async Task InitializeAsync()
    {
        _cs = await Schema.Fresh(server, "journal_" + Guid.NewGuid().ToString("N"), icuLocale: "en-US");
        _journal = new SqlJournal(new JournalDatabase(NpgsqlFactory.Instance, _cs));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_database_collation_would_break_region_ranges_without_the_schema()
    {
        Assert.False(await Schema.Scalar<bool>(_cs, $"SELECT '{VillageA1}' < '110101~'"));
        Assert.True(await Schema.Scalar<bool>(_cs, $"SELECT '{VillageA1}' < '110101~' COLLATE \"C\""));
    }

    [Fact]
    public async Task Registration_creates_keeps_updates_and_refuses_to_move_a_seller_with_sales()
    {
        var profile = new SellerProfile("s1", "Wang", VillageA1, SellerKind.Household, 3);

        Assert.Equal(RegistrationOutcome.Created, await _journal.RegisterSeller(profile));
        Assert.Equal(RegistrationOutcome.Unchanged, await _journal.RegisterSeller(profile));
        Assert.Equal(RegistrationOutcome.Updated, await _journal.RegisterSeller(profile with { Members = 4 }));
        Assert.Equal(new SellerRecord("s1", "Wang", VillageA1, SellerKind.Household, 4, false), await _journal.FindSeller("s1"));

        // Without sales a seller may still move.
        Assert.Equal(RegistrationOutcome.Updated, await _journal.RegisterSeller(profile with { VillageCode = VillageA2 }));
        var seller = (await _journal.FindSeller("s1"))!;
        await _journal.AppendSales(0, 1, [(Sale("sale-1", "s1"), seller)]);

        Assert.True((await _journal.FindSeller("s1"))!.HasSales);
        Assert.Equal(RegistrationOutcome.WouldMoveSellerWithSales, await _journal.RegisterSeller(profile with { VillageCode = VillageB1 }));
        Assert.Equal(RegistrationOutcome.Updated, await _journal.RegisterSeller(profile with { VillageCode = VillageA2, Name = "Wang Wei" }));
        Assert.Equal(new SellerRecord("s1", "Wang Wei", VillageA2, SellerKind.Household, 3, true), await _journal.FindSeller("s1"));
        Assert.Null(await _journal.FindSeller("nobody"));
    }

    [Fact]
    public async Task A_sale_through_a_copy_of_a_seller_from_before_its_move_is_refused_whole()
    {
        var stale = await Seller("s1", VillageA1);
        var s2 = await Seller("s2", VillageA1);
        await _journal.RegisterSeller(new SellerProfile("s1", "s1", VillageB1, SellerKind.Household, 3));

        // As a second activation of the ledger would: its copy still places s1 in its first village.
        await Assert.ThrowsAsync<SellerMovedException>(() => _journal.AppendSales(0, 1, [(Sale("a", "s1"), stale), (Sale("b", "s2"), s2)]));

        Assert.Empty(await _journal.ReadAll(new JournalScope.Everything()));
        Assert.Equal(0, await _journal.LastSequence(0));
        Assert.False((await _journal.FindSeller("s2"))!.HasSales);
        Assert.Equal(new[] { true }, await _journal.AppendSales(0, 1, [(Sale("a", "s1"), (await _journal.FindSeller("s1"))!)]));
        Assert.Single(await _journal.ReadAll(new JournalScope.OfSeller("s1")));
        Assert.Single(await _journal.ReadAll(JournalScope.ForRegion(VillageB1)));
    }

    [Fact]
    public async Task Sales_are_idempotent_and_the_ledger_advances_only_with_something_new()
    {
        var s1 = await Seller("s1", VillageA1);

        var first = await _journal.AppendSales(3, 1, [(Sale("a", "s1"), s1), (Sale("b", "s1"), s1), (Sale("a", "s1"), s1)]);
        Assert.Equal(new[] { true, true, false }, first);
        Assert.Equal(1, await _journal.LastSequence(3));

        // A batch of nothing but repeats commits nothing and leaves the position where it was.
        Assert.Equal(new[] { false, false }, await _journal.AppendSales(3, 2, [(Sale("b", "s1"), s1), (Sale("a", "s1"), s1)]));
        Assert.Equal(1, await _journal.LastSequence(3));

        Assert.Equal(new[] { false, true }, await _journal.AppendSales(3, 2, [(Sale("a", "s1"), s1), (Sale("c", "s1"), s1)]));
        Assert.Equal(2, await _journal.LastSequence(3));
        Assert.Equal(0, await _journal.LastSequence(4));

        // The same id on another platform is another sale.
        Assert.Equal(new[] { true }, await _journal.AppendSales(3, 3, [(Sale("a", "s1") with { Platform = 2 }, s1)]));
    }

    [Fact]
    public async Task A_reused_or_skipped_batch_number_is_fenced_and_rolled_back()
    {
        var s1 = await Seller("s1", VillageA1);
        await _journal.AppendSales(7, 1, [(Sale("a", "s1"), s1)]);

        var reused = await Assert.ThrowsAsync<LedgerFencedException>(() => _journal.AppendSales(7, 1, [(Sale("b", "s1"), s1)]));
        Assert.Contains("Ledger 7", reused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<LedgerFencedException>(() => _journal.AppendSales(7, 3, [(Sale("b", "s1"), s1)]));
        await Assert.ThrowsAsync<LedgerFencedException>(() => _journal.AppendRefunds(7, 1, [Refund("r", "a", "s1", 1, 1)]));

        // Nothing of the fenced transactions is left: not the sale, not the refund, not the position.
        Assert.Single(await _journal.ReadAll(new JournalScope.Everything()));
        Assert.Equal(1, await _journal.LastSequence(7));
        Assert.Equal(new[] { true }, await _journal.AppendSales(7, 2, [(Sale("b", "s1"), s1)]));
    }

    [Fact]
    public async Task Refunds_are_checked_against_what_is_left_of_their_sale()
    {
        var s1 = await Seller("s1", VillageA1);
        await Seller("s2", VillageA2);
        await _journal.AppendSales(1, 1, [(Sale("sale", "s1", amountFen: 1000, quantity: 5), s1)]);

        var (checks, accepted, villages) = await _journal.AppendRefunds(1, 2,
        [
            Refund("r1", "sale", "s1", amountFen: 300, quantity: 1),
            Refund("r1", "sale", "s1", amountFen: 300, quantity: 1),
            Refund("r2", "no-such-sale", "s1", amountFen: 1, quantity: 1),
            Refund("r3", "sale", "s2", amountFen: 1, quantity: 1),
            Refund("r4", "sale", "s1", amountFen: 701, quantity: 1),
            Refund("r5", "sale", "s1", amountFen: 700, quantity: 5),
            Refund("r6", "sale", "s1", amountFen: 700, quantity: 4),
        ]);

        Assert.Equal(
        [
            new RefundCheck(RefundOutcome.Accepted, 1000, 5),
            new RefundCheck(RefundOutcome.Duplicate, 0, 0),
            new RefundCheck(RefundOutcome.UnknownSale, 0, 0),
            new RefundCheck(RefundOutcome.OtherSellersSale, 700, 4),
            new RefundCheck(RefundOutcome.ExceedsAmountLeft, 700, 4),
            new RefundCheck(RefundOutcome.ExceedsQuantityLeft, 700, 4),
            new RefundCheck(RefundOutcome.Accepted, 700, 4),
        ], checks);
        var hour = Cst.HourOf(Noon.AddDays(1));
        Assert.Equal(new RollupEntry(2, hour, 1, 4, "walnuts", 300, 1, 0, 0), accepted[0]);
        Assert.Equal(new RollupEntry(2, hour, 1, 4, "walnuts", 700, 4, 0, 0), accepted[6]);
        Assert.All(accepted[1..6], Assert.Null);
        Assert.Equal(VillageA1, villages[0]);
        Assert.Equal(2, await _journal.LastSequence(1));

        // The sale is now fully refunded; a retry of the whole batch finds only duplicates and moves nothing.
        var (again, _, _) = await _journal.AppendRefunds(1, 3, [Refund("r1", "sale", "s1", 300, 1), Refund("r7", "sale", "s1", 1, 0)]);
        Assert.Equal([new RefundCheck(RefundOutcome.Duplicate, 0, 0), new RefundCheck(RefundOutcome.ExceedsAmountLeft, 0, 0)], again);
        Assert.Equal(2, await _journal.LastSequence(1));
    }

    [Fact]
    public async Task Sellers_are_found_by_the_hundred_in_one_call_and_unknown_ids_are_absent()
    {
        var registered = new[] { await Seller("f1", VillageA1), await Seller("f2", VillageA2, SellerKind.Cooperative, 12), await Seller("f3", VillageB1) };
        // More ids than one statement takes, so the lookup goes in several; the registered ones sit in different ones.
        var asked = Enumerable.Range(0, 1_200).Select(i => $"nobody-{i}").ToList();
        asked.Insert(0, "f1");
        asked.Insert(600, "f2");
        asked.Add("f3");

        var found = await _journal.FindSellers(asked);

        Assert.Equal(registered.ToDictionary(s => s.SellerId), found);
        Assert.Empty(await _journal.FindSellers([]));
    }

    [Fact]
    public async Task Reads_return_each_scope_and_batch_window_with_exact_values()
    {
        var a1 = await Seller("a1", VillageA1);
        var a2 = await Seller("a2", VillageA2);
        var b1 = await Seller("b1", VillageB1);
        // A customer whose hash has the top bit set must come back as the same unsigned value.
        var customer = Enumerable.Range(0, 100).Select(i => $"buyer-{i}").First(c => CustomerHash.Of(c) > long.MaxValue);
        await _journal.AppendSales(2, 1, [(Sale("x1", "a1", customer: customer), a1), (Sale("x2", "a2"), a2)]);
        await _journal.AppendSales(2, 2, [(Sale("x3", "b1"), b1)]);
        await _journal.AppendSales(9, 1, [(Sale("x4", "a1", amountFen: 5_000_000_000), a1)]);
        await _journal.AppendRefunds(2, 3, [Refund("y1", "x1", "a1", 10, 1)]);

        var x1 = new RollupEntry(1, Cst.HourOf(Noon), 1, 4, "walnuts", 1000, 5, 2500, CustomerHash.Of(customer));
        Assert.Equal([x1], await Window(new JournalScope.UnderRegion(VillageA1), 2, 0, 1));
        Assert.Equal(2, (await Window(new JournalScope.UnderRegion(TownA), 2, 0, 3)).Count(e => e.Kind == 1));
        Assert.Equal(3, (await Window(new JournalScope.UnderRegion(TownA), 2, 0, 3)).Count);
        Assert.Empty(await Window(new JournalScope.UnderRegion(TownA), 2, 1, 2));
        Assert.Single(await Window(new JournalScope.UnderRegion("110102"), 2, 1, 2));
        Assert.Equal(4, (await Window(new JournalScope.Everything(), 2, 0, 3)).Count);
        Assert.Equal(2, (await Window(new JournalScope.OfSeller("a1"), 2, 0, 3)).Count);

        // Several ledgers' windows in one read, as a grain catching up from its checkpoint asks.
        var x4 = new RollupEntry(1, Cst.HourOf(Noon), 1, 4, "walnuts", 5_000_000_000, 5, 2500, CustomerHash.Of("buyer"));
        var y1 = new RollupEntry(2, Cst.HourOf(Noon.AddDays(1)), 1, 4, "walnuts", 10, 1, 0, 0);
        Assert.Equal([x1, x4], Sorted(await _journal.ReadWindows(new JournalScope.UnderRegion(VillageA1), [new(2, 0, 1), new(9, 0, 1)])));
        Assert.Equal([x4, y1], Sorted(await _journal.ReadWindows(new JournalScope.OfSeller("a1"), [new(2, 1, 3), new(9, 0, 1)])));
        Assert.Equal(3, (await _journal.ReadWindows(new JournalScope.UnderRegion(TownA), [new(2, 0, 3)])).Count);
        Assert.Equal(2, (await _journal.ReadWindows(new JournalScope.Everything(), [new(2, 1, 2), new(9, 0, 1)])).Count);
        Assert.Empty(await _journal.ReadWindows(new JournalScope.UnderRegion(VillageB1), [new(2, 2, 3), new(9, 0, 1)]));
        Assert.Empty(await _journal.ReadWindows(new JournalScope.Everything(), []));

        var all = await _journal.ReadAll(new JournalScope.UnderRegion("1101"));
        Assert.Equal(5, all.Count);
        Assert.Contains((9, 1L, new RollupEntry(1, Cst.HourOf(Noon), 1, 4, "walnuts", 5_000_000_000, 5, 2500, CustomerHash.Of("buyer"))), all);
        Assert.Contains((2, 3L, new RollupEntry(2, Cst.HourOf(Noon.AddDays(1)), 1, 4, "walnuts", 10, 1, 0, 0)), all);
        Assert.Equal(2, (await _journal.ReadAll(new JournalScope.OfSeller("a1"))).Count(r => r.Ledger == 2));
        Assert.Empty(await _journal.ReadAll(new JournalScope.UnderRegion("12")));

        // A seller's rows of one ledger after a batch, each with its batch (a1 sold in ledger 2's batch 1 and was refunded
        // in its batch 3; its sale in ledger 9 is not asked for).
        Assert.Equal([(1L, x1), (3L, y1)], (await _journal.ReadAfter(new JournalScope.OfSeller("a1"), 2, 0)).OrderBy(r => r.Seq));
        Assert.Equal([(3L, y1)], await _journal.ReadAfter(new JournalScope.OfSeller("a1"), 2, 1));
        Assert.Empty(await _journal.ReadAfter(new JournalScope.OfSeller("a1"), 2, 3));
        Assert.Empty(await _journal.ReadAfter(new JournalScope.OfSeller("b1"), 9, 0));

        // A village's rows of every ledger after its position in each, with their ledger and batch, in one read (village
        // A1 sold in ledger 2's batch 1 and ledger 9's batch 1, and was refunded in ledger 2's batch 3).
        var after = new long[LedgerPartition.Count];
        Assert.Equal([(2, 1L, x1), (2, 3L, y1), (9, 1L, x4)], (await _journal.ReadAfter(new JournalScope.UnderRegion(VillageA1), after)).OrderBy(r => (r.Ledger, r.Seq)));
        after[2] = 1;
        Assert.Equal([(2, 3L, y1), (9, 1L, x4)], (await _journal.ReadAfter(new JournalScope.UnderRegion(VillageA1), after)).OrderBy(r => (r.Ledger, r.Seq)));
        after[2] = 3;
        after[9] = 1;
        Assert.Empty(await _journal.ReadAfter(new JournalScope.UnderRegion(VillageA1), after));
        Assert.Single(await _journal.ReadAfter(new JournalScope.UnderRegion(VillageB1), new long[LedgerPartition.Count]));

        var routed = await _journal.ReadBatches(2, 1, 3);
        Assert.Equal(["2 " + VillageB1, "3 " + VillageA1], routed.Select(r => $"{r.Seq} {r.VillageCode}"));

        var positions = await _journal.LedgerPositions();
        Assert.Equal(LedgerPartition.Count, positions.Length);
        Assert.Equal(3, positions[2]);
        Assert.Equal(1, positions[9]);
        Assert.Equal(0, positions.Where((_, i) => i is not 2 and not 9).Sum());
    }

    [Fact]
    public async Task Sellers_are_counted_per_scope()
    {
        await Seller("a1", VillageA1);
        await Seller("a2", VillageA2);
        await Seller("b1", VillageB1);

        Assert.Equal(3, await Count(new JournalScope.Everything()));
        Assert.Equal(3, await Count(new JournalScope.UnderRegion("11")));
        Assert.Equal(3, await Count(new JournalScope.UnderRegion("1101")));
        Assert.Equal(2, await Count(new JournalScope.UnderRegion("110101")));
        Assert.Equal(2, await Count(new JournalScope.UnderRegion(TownA)));
        Assert.Equal(1, await Count(new JournalScope.UnderRegion(VillageB1)));
        Assert.Equal(0, await Count(new JournalScope.UnderRegion("12")));
        Assert.Equal(1, await Count(new JournalScope.OfSeller("a2")));
        Assert.Equal(3, await _journal.CountSellers([new JournalScope.UnderRegion("110101"), new JournalScope.UnderRegion(VillageB1)]));
    }

    [Fact]
    public async Task A_seller_moving_county_is_counted_in_the_new_county_only()
    {
        await Seller("a1", VillageA1);
        await Seller("a2", VillageA2);

        await Seller("a1", VillageB1);
        await Seller("a1", VillageB1);

        Assert.Equal(1, await Count(new JournalScope.UnderRegion("110101")));
        Assert.Equal(1, await Count(new JournalScope.UnderRegion("110102")));
        Assert.Equal(2, await Count(new JournalScope.Everything()));
    }

    [Fact]
    public async Task Registrations_committing_together_in_one_county_are_each_counted()
    {
        // Fifty registrations at once, half of them into one county and the rest spread over counties new to the
        // table: each waits for the county's row or creates it, and none is lost or counted twice.
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => _journal.RegisterSeller(
            new SellerProfile($"p{i}", "name", i % 2 == 0 ? VillageA1 : $"1{i:D2}101001001", SellerKind.Household, 1)))));

        Assert.Equal(25, await Count(new JournalScope.UnderRegion("110101")));
        Assert.Equal(50, await Count(new JournalScope.Everything()));
        Assert.Equal(50L, await Schema.Scalar<long>(_cs, "SELECT SUM(sellers)::bigint FROM villages_county_sellers"));
    }

    [Fact]
    public async Task Registrations_during_a_recount_are_counted_once_each()
    {
        // Counties new to the table and counties already in it, sellers moving between them, while the schema (and
        // its recount) is applied again three times: the recount and the registrations wait for each other, and neither
        // deadlocks. A hundred thousand sellers already there make each recount long enough for registrations to wait
        // on it. (The interleaving that double-counted before the recount locked the table, a county's first
        // registration committing between the recount's delete and its insert, is too narrow for this to hit reliably.)
        await Schema.Execute(_cs, """
            INSERT INTO villages_sellers (seller_id, name, village_code, kind, members)
            SELECT 'bulk' || n, 'n', '5' || LPAD((n % 900)::text, 5, '0') || '001001', 0, 1 FROM generate_series(1, 100000) n
            """);
        await Schema.Apply(_cs, Schema.Journal);
        var registrations = Enumerable.Range(0, 60).Select(i => Task.Run(async () =>
        {
            var village = $"1{i % 30:D2}101001001";
            await _journal.RegisterSeller(new SellerProfile($"r{i}", "name", village, SellerKind.Household, 1));
            await _journal.RegisterSeller(new SellerProfile($"r{i}", "name", i % 3 == 0 ? VillageB1 : village, SellerKind.Household, 1));
        }));
        var recounts = Enumerable.Range(0, 3).Select(i => Task.Run(async () =>
        {
            await Task.Delay(i * 20);
            await Schema.Apply(_cs, Schema.Journal);
        }));
        await Task.WhenAll(registrations.Concat(recounts));

        Assert.Equal(
            await Schema.Scalar<string>(_cs, "SELECT string_agg(c || ':' || n, ',' ORDER BY c) FROM (SELECT SUBSTR(village_code, 1, 6) AS c, COUNT(*) AS n FROM villages_sellers GROUP BY 1) s"),
            await Schema.Scalar<string>(_cs, "SELECT string_agg(county_code || ':' || sellers, ',' ORDER BY county_code) FROM villages_county_sellers WHERE sellers > 0"));
    }

    [Fact]
    public async Task Sellers_moving_opposite_ways_at_once_neither_deadlock_nor_miscount()
    {
        for (var i = 0; i < 20; i++)
        {
            await Seller($"a{i}", VillageA1);
            await Seller($"b{i}", VillageB1);
        }

        await Task.WhenAll(Enumerable.Range(0, 20).SelectMany(i => new[]
        {
            Task.Run(() => _journal.RegisterSeller(new SellerProfile($"a{i}", "name of a" + i, VillageB1, SellerKind.Household, 1))),
            Task.Run(() => _journal.RegisterSeller(new SellerProfile($"b{i}", "name of b" + i, VillageA1, SellerKind.Household, 1))),
        }));

        Assert.Equal(20, await Count(new JournalScope.UnderRegion("110101")));
        Assert.Equal(20, await Count(new JournalScope.UnderRegion("110102")));
    }

    [Fact]
    public async Task The_same_new_seller_registered_at_once_is_created_and_counted_once()
    {
        var profile = new SellerProfile("twice", "Wang", VillageA1, SellerKind.Household, 3);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => _journal.RegisterSeller(profile))));

        Assert.Equal(1, outcomes.Count(o => o == RegistrationOutcome.Created));
        Assert.Equal(1, await Count(new JournalScope.Everything()));
    }

    [Fact]
    public async Task Applying_the_schema_recounts_sellers_an_older_build_registered_without_counting()
    {
        await Seller("a1", VillageA1);
        // What a build from before the county counts leaves: a seller's row and no count for it.
        await Schema.Execute(_cs, $"INSERT INTO villages_sellers (seller_id, name, village_code, kind, members) VALUES ('old', 'old', '{VillageB1}', 0, 1)");
        Assert.Equal(1, await Count(new JournalScope.Everything()));

        await Schema.Apply(_cs, Schema.Journal);

        Assert.Equal(2, await Count(new JournalScope.Everything()));
        Assert.Equal(1, await Count(new JournalScope.UnderRegion("110102")));
    }

    [Fact]
    public async Task Household_income_adds_net_sales_and_other_income_per_year()
    {
        var a1 = await Seller("a1", VillageA1, SellerKind.Household, members: 4);
        await Seller("a2", VillageA2, SellerKind.Cooperative);
        await Seller("b1", VillageB1, SellerKind.Household, members: 2);

        Assert.Equal(new[] { true, true, true }, await _journal.AppendIncome(
        [
            new IncomeEntry(0, "a1", Year, "wages", 3_000_000_000),
            new IncomeEntry(1, "a1", Year - 1, "wages", 100),
            new IncomeEntry(2, "b1", Year, "pension", 7),
        ]));
        Assert.Equal(new[] { false, true }, await _journal.AppendIncome(
        [
            new IncomeEntry(0, "a1", Year, "wages", 3_000_000_000),
            new IncomeEntry(1, "a1", Year - 1, "wages", 200),
        ]));
        await _journal.AppendSales(0, 1, [(Sale("s", "a1", amountFen: 1000), a1)]);
        await _journal.AppendRefunds(0, 2, [Refund("r", "s", "a1", 250, 1)]);

        var town = await _journal.Households([new JournalScope.UnderRegion(TownA)], Year);
        Assert.Equal([new HouseholdIncome(4, 3_000_000_750, 200)], town);
        var both = await _journal.Households([new JournalScope.UnderRegion(TownA), new JournalScope.UnderRegion("110102")], Year);
        Assert.Equal([new HouseholdIncome(4, 3_000_000_750, 200), new HouseholdIncome(2, 7, 0)], both);
        Assert.Equal(2, (await _journal.Households([new JournalScope.Everything()], Year)).Count);
        Assert.Equal([new HouseholdIncome(4, 200, 0)], await _journal.Households([new JournalScope.OfSeller("a1")], Year - 1));
    }

    [Fact]
    public async Task Regions_are_named_imported_listed_and_found()
    {
        await _journal.ImportRegions([("11", "Beijing"), ("12", "Tianjin"), ("1101", "Districts"), ("110101", "Dongcheng")]);
        await _journal.ImportRegions([("11", "Peking"), ("110101001", "Donghuamen")]);
        Assert.Equal("Beijing", await _journal.RegionName("11"));
        Assert.Equal("Donghuamen", await _journal.RegionName(TownA));

        await _journal.SetRegionName("11", "Beijing Shi");
        await _journal.SetRegionName("13", "Hebei");
        Assert.Equal("Beijing Shi", await _journal.RegionName("11"));
        Assert.Equal("Hebei", await _journal.RegionName("13"));
        Assert.Null(await _journal.RegionName("14"));

        await Seller("a1", VillageA1);
        await Seller("a2", VillageA2);
        await Seller("b1", VillageB1);
        await Seller("c1", "320101001001");

        Assert.Equal(["11", "12", "13", "32"], await _journal.ChildRegions("CN"));
        Assert.Equal(["1101"], await _journal.ChildRegions("11"));
        Assert.Equal(["110101", "110102"], await _journal.ChildRegions("1101"));
        Assert.Equal([TownA], await _journal.ChildRegions("110101"));
        Assert.Equal([VillageA1, VillageA2], await _journal.ChildRegions(TownA));
        Assert.Empty(await _journal.ChildRegions(VillageA1));
        Assert.Empty(await _journal.ChildRegions("14"));

        Assert.True(await _journal.RegionExists("CN"));
        Assert.True(await _journal.RegionExists("13"));
        Assert.True(await _journal.RegionExists("3201"));
        Assert.True(await _journal.RegionExists("110102"));
        Assert.True(await _journal.RegionExists(VillageA2));
        Assert.False(await _journal.RegionExists("14"));
        Assert.False(await _journal.RegionExists("110103"));
    }

    private Task<long> Count(JournalScope scope) => _journal.CountSellers([scope]);

    private async Task<SellerRecord> Seller(string id, string village, SellerKind kind = SellerKind.Household, int members = 1)
    {
        await _journal.RegisterSeller(new SellerProfile(id, "name of " + id, village, kind, members));
        return (await _journal.FindSeller(id))!;
    }

    private static SaleEntry Sale(string id, string seller, long amountFen = 1000, long quantity = 5, string customer = "buyer") =>
        new(0, 1, id, seller, Noon, "walnuts", 4, quantity, 2500, amountFen, customer);

    private static RefundEntry Refund(string id, string saleId, string seller, long amountFen, long quantity) =>
        new(0, 1, id, saleId, seller, Noon.AddDays(1), amountFen, quantity);

    /// <summary>One ledger's window of the scope's rows.</summary>
    private Task<List<RollupEntry>> Window(JournalScope scope, int ledger, long afterSeq, long uptoSeq) =>
        _journal.ReadWindows(scope, [new BatchWindow(ledger, afterSeq, uptoSeq)]);

    private static List<RollupEntry> Sorted(IEnumerable<RollupEntry> entries) =>
        [.. entries.OrderBy(e => e.Kind == 2).ThenBy(e => e.AmountFen)];
}
