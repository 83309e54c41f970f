-- The Villages journal on PostgreSQL: the durable record of everything acknowledged (see docs/architecture.md).
-- The same tables as silo-config/sql/sqlite/journal.sql; integer columns the code reads as Int32 are integer,
-- those it reads as Int64 are bigint. Codes compared as ranges [prefix, prefix || '~') use the byte-wise "C" collation.
-- Every statement is idempotent: `villages db init` may run before every deployment.
CREATE TABLE IF NOT EXISTS villages_sellers (
    seller_id    text    NOT NULL PRIMARY KEY,
    name         text    NOT NULL,
    village_code text    COLLATE "C" NOT NULL,
    kind         integer NOT NULL,
    members      integer NOT NULL,
    has_sales    integer NOT NULL DEFAULT 0
);

CREATE INDEX IF NOT EXISTS villages_sellers_by_village ON villages_sellers (village_code);

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
CREATE INDEX IF NOT EXISTS villages_entries_by_village ON villages_entries (village_code, ledger, seq);
CREATE INDEX IF NOT EXISTS villages_entries_by_seller ON villages_entries (seller_id, year);

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
