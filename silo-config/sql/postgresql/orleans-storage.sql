-- Grain state for Orleans' ADO.NET grain storage provider on PostgreSQL (invariant "Npgsql"). Villages' own schema,
-- written to the provider's contract: at start the provider reads the OrleansQuery rows below, then binds
-- @ServiceId, @GrainTypeString (the state name), @GrainIdN0, @GrainIdN1, @GrainIdExtensionString (NULL for
-- integer and Guid keys without extension), @GrainStateVersion (NULL before the first write) and @PayloadBinary;
-- it also binds two hashes, which this schema has no use for.
-- Safe to apply at every start, by several silos at once, before or after the other PostgreSQL scripts.

-- One transaction under the lock all Villages scripts share (see journal.sql for why).
BEGIN;

SELECT pg_advisory_xact_lock(7130020240615);

-- Shared with orleans-clustering.sql: whichever script runs first creates it, identically.
-- Unquoted names fold to lower case; the providers' unquoted SQL folds the same way, and Npgsql finds result
-- columns by name without regard to case.
CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

-- One row per grain state: the key is the full identity the provider passes, with '' standing for a NULL
-- extension so that it can be part of the primary key. Villages gives every grain class its own state name,
-- since the provider passes the state name and not the grain type.
CREATE TABLE IF NOT EXISTS OrleansStorage (
    ServiceId              text        NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainIdExtensionString text        NOT NULL,
    PayloadBinary          bytea       NULL,
    ModifiedOn             timestamptz NOT NULL DEFAULT now(),
    Version                integer     NOT NULL,
    PRIMARY KEY (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
);

-- Read: the payload (NULL once cleared) and its version, or no row at all.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', $sql$
SELECT PayloadBinary, Version
  FROM OrleansStorage
 WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
   AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
   AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '')
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Write with optimistic concurrency, in one statement so that it needs no transaction of its own: a caller without
-- a version may only create the row (at version 1); a caller with a version may only replace the row that still
-- has it. Anything else (a stale version, a row created or deleted by someone else) returns no row, which the
-- provider reports as InconsistentStateException. Two concurrent writers of one version cannot both win: the
-- second UPDATE waits for the first's row lock and then finds the version moved.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', $sql$
WITH updated AS (
    UPDATE OrleansStorage
       SET PayloadBinary = @PayloadBinary, ModifiedOn = now(), Version = Version + 1
     WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
       AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
       AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '')
       AND Version = @GrainStateVersion
    RETURNING Version
), inserted AS (
    INSERT INTO OrleansStorage (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, PayloadBinary, Version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''), @PayloadBinary, 1
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString) DO NOTHING
    RETURNING Version
)
SELECT Version AS NewGrainStateVersion FROM updated
UNION ALL
SELECT Version FROM inserted
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Clear keeps the row with a NULL payload and a higher version, so that a stale writer still conflicts afterwards.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', $sql$
UPDATE OrleansStorage
   SET PayloadBinary = NULL, ModifiedOn = now(), Version = Version + 1
 WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
   AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
   AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '')
   AND Version = @GrainStateVersion
RETURNING Version
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Delete (only used with DeleteStateOnClear) answers the deleted version + 1, which the provider checks as it
-- checks a clear; it then forgets the version, so the next write creates the row again.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', $sql$
DELETE FROM OrleansStorage
 WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
   AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
   AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '')
   AND Version = @GrainStateVersion
RETURNING Version + 1
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

COMMIT;
