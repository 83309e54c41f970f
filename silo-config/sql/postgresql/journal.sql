-- The Villages journal on PostgreSQL: the durable record of everything acknowledged (see docs/architecture.md).
-- The same tables as silo-config/sql/sqlite/journal.sql. Column types follow how SqlJournal reads them back:
-- `integer` where it calls GetInt32, `bigint` where it calls GetInt64 (money, quantities, batch numbers, hashes).
-- Safe to apply at every start, and by several silos at once (see the lock below).

-- One transaction, serialised by an advisory lock shared with orleans-storage.sql and orleans-clustering.sql:
-- silos starting together would otherwise race on CREATE ... IF NOT EXISTS (PostgreSQL can then fail with a
-- duplicate key in its own catalog), and a script that fails half-way leaves nothing behind.
BEGIN;

SELECT pg_advisory_xact_lock(7130020240615);

-- Region ranges are read as [prefix, prefix || '~') and must hold whatever the database's default collation is:
-- only a byte-wise collation puts '~' after every digit, so every column compared that way is COLLATE "C".
CREATE TABLE IF NOT EXISTS villages_sellers (
    seller_id    text    NOT NULL PRIMARY KEY,
    name         text    NOT NULL,
    village_code text    COLLATE "C" NOT NULL,
    kind         integer NOT NULL,
    members      integer NOT NULL,
    has_sales    integer NOT NULL DEFAULT 0
);

CREATE INDEX IF NOT EXISTS villages_sellers_by_village ON villages_sellers (village_code);

-- Registered sellers per county, changed in the same transaction as villages_sellers, so that a county and every
-- region above it sums a few thousand rows instead of counting up to millions of sellers (docs/architecture.md,
-- "Seller counts"). Registration never deletes a row, even when its count falls to zero.
CREATE TABLE IF NOT EXISTS villages_county_sellers (
    county_code text    COLLATE "C" NOT NULL PRIMARY KEY,
    sellers     bigint  NOT NULL
);

-- Recounted whenever this script runs: a journal from before the table gets its counts, and counts that an older
-- build left behind (it registers without them) are put right. The lock makes registrations that would change a
-- count wait for the recount's commit (and the recount for theirs), so each seller is counted by the recount or by
-- its registration, never both and never neither.
LOCK TABLE villages_county_sellers IN SHARE ROW EXCLUSIVE MODE;

DELETE FROM villages_county_sellers;

INSERT INTO villages_county_sellers (county_code, sellers)
SELECT SUBSTR(village_code, 1, 6), COUNT(*) FROM villages_sellers GROUP BY SUBSTR(village_code, 1, 6);

-- Sales (kind 1) and refunds (kind 2); (kind, platform, entry_id) is the idempotency key.
-- A refund row carries the category and product of its sale; a sale row tallies what was refunded of it.
CREATE TABLE IF NOT EXISTS villages_entries (
    kind          integer NOT NULL,
    platform      integer NOT NULL,
    entry_id      text    NOT NULL,
    ledger        integer NOT NULL,
    seq           bigint  NOT NULL,
    seller_id     text    NOT NULL,
    village_code  text    COLLATE "C" NOT NULL,
    hour          integer NOT NULL,
    year          integer NOT NULL,
    category      integer NOT NULL,
    product       text    NOT NULL,
    quantity      bigint  NOT NULL,
    weight_g      bigint  NOT NULL,
    amount_fen    bigint  NOT NULL,
    customer_hash bigint  NOT NULL,
    sale_id       text    NULL,
    refunded_fen  bigint  NOT NULL DEFAULT 0,
    refunded_qty  bigint  NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, platform, entry_id)
);

CREATE INDEX IF NOT EXISTS villages_entries_by_batch ON villages_entries (ledger, seq);
-- A village's rows, and within them each seller's by batch: a village and its sellers catch up through one index.
-- Every index whose key is not written in order costs the single writer a page a line (docs/benchmarks.md,
-- "What bounds it"); separate village and seller indexes were two of the three. A seller's rows are in its village,
-- which a seller with sales can no longer change, so its reads name the village too (SqlJournal.Filter).
-- On a journal of an older build this builds the index, holding the cluster's journal writes until it is done. The
-- older indexes it replaces, (village_code, ledger, seq) and (seller_id, ledger, seq), are left for silos of the older
-- build still running during an upgrade, whose reads need them; docs/operations.md says when to drop them.
CREATE INDEX IF NOT EXISTS villages_entries_by_village_seller ON villages_entries (village_code, seller_id, ledger, seq);
DROP INDEX IF EXISTS villages_entries_by_seller;

-- The last batch each ledger committed, advanced in the same transaction as the batch (the ledger fence).
CREATE TABLE IF NOT EXISTS villages_ledgers (
    ledger   integer NOT NULL PRIMARY KEY,
    last_seq bigint  NOT NULL
);

CREATE TABLE IF NOT EXISTS villages_income (
    seller_id  text    NOT NULL,
    year       integer NOT NULL,
    source     text    NOT NULL,
    amount_fen bigint  NOT NULL,
    PRIMARY KEY (seller_id, year, source)
);

CREATE TABLE IF NOT EXISTS villages_regions (
    code text COLLATE "C" NOT NULL PRIMARY KEY,
    name text NOT NULL
);

COMMIT;
