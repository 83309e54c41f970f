-- The Villages journal on SQLite: the durable record of everything acknowledged (see docs/architecture.md).
-- Every statement is idempotent; the node applies this file at each start.
PRAGMA journal_mode = WAL;

CREATE TABLE IF NOT EXISTS villages_sellers (
    seller_id    TEXT    NOT NULL PRIMARY KEY,
    name         TEXT    NOT NULL,
    village_code TEXT    NOT NULL,
    kind         INTEGER NOT NULL,
    members      INTEGER NOT NULL,
    has_sales    INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX IF NOT EXISTS villages_sellers_by_village ON villages_sellers (village_code);

-- Registered sellers per county, changed in the same transaction as villages_sellers, so that a county and every
-- region above it sums a few thousand rows instead of counting up to millions of sellers (docs/architecture.md,
-- "Seller counts"). Registration never deletes a row, even when its count falls to zero.
CREATE TABLE IF NOT EXISTS villages_county_sellers (
    county_code TEXT    NOT NULL PRIMARY KEY,
    sellers     INTEGER NOT NULL
);

-- Recounted whenever this script runs: a journal from before the table gets its counts, and counts that an older
-- build left behind (it registers without them) are put right. Nothing else writes while a node applies its schema;
-- a start that stops between the two statements leaves an empty table, which the next start fills.
DELETE FROM villages_county_sellers;

INSERT INTO villages_county_sellers (county_code, sellers)
SELECT SUBSTR(village_code, 1, 6), COUNT(*) FROM villages_sellers GROUP BY SUBSTR(village_code, 1, 6);

-- Sales (kind 1) and refunds (kind 2); (kind, platform, entry_id) is the idempotency key.
-- A refund row carries the category and product of its sale; a sale row tallies what was refunded of it.
CREATE TABLE IF NOT EXISTS villages_entries (
    kind          INTEGER NOT NULL,
    platform      INTEGER NOT NULL,
    entry_id      TEXT    NOT NULL,
    ledger        INTEGER NOT NULL,
    seq           INTEGER NOT NULL,
    seller_id     TEXT    NOT NULL,
    village_code  TEXT    NOT NULL,
    hour          INTEGER NOT NULL,
    year          INTEGER NOT NULL,
    category      INTEGER NOT NULL,
    product       TEXT    NOT NULL,
    quantity      INTEGER NOT NULL,
    weight_g      INTEGER NOT NULL,
    amount_fen    INTEGER NOT NULL,
    customer_hash INTEGER NOT NULL,
    sale_id       TEXT    NULL,
    refunded_fen  INTEGER NOT NULL DEFAULT 0,
    refunded_qty  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, platform, entry_id)
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS villages_entries_by_batch ON villages_entries (ledger, seq);
-- A village's rows, and within them each seller's by batch: a village and its sellers catch up through one index.
-- Every index whose key is not written in order costs the single writer a page a line (docs/benchmarks.md,
-- "What bounds it"); separate village and seller indexes were two of the three. A seller's rows are in its village,
-- which a seller with sales can no longer change, so its reads name the village too (SqlJournal.Filter).
CREATE INDEX IF NOT EXISTS villages_entries_by_village_seller ON villages_entries (village_code, seller_id, ledger, seq);
DROP INDEX IF EXISTS villages_entries_by_seller;
DROP INDEX IF EXISTS villages_entries_by_village;
DROP INDEX IF EXISTS villages_entries_by_seller_batch;

-- The last batch each ledger committed, advanced in the same transaction as the batch.
CREATE TABLE IF NOT EXISTS villages_ledgers (
    ledger   INTEGER NOT NULL PRIMARY KEY,
    last_seq INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS villages_income (
    seller_id  TEXT    NOT NULL,
    year       INTEGER NOT NULL,
    source     TEXT    NOT NULL,
    amount_fen INTEGER NOT NULL,
    PRIMARY KEY (seller_id, year, source)
);

CREATE TABLE IF NOT EXISTS villages_regions (
    code TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL
);
