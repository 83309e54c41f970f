-- Grain state for Orleans' ADO.NET grain storage provider on SQLite (invariant "System.Data.SQLite", which the
-- provider serves with Microsoft.Data.Sqlite). This is Villages' own schema, written to the provider's contract:
-- at start it reads the OrleansQuery rows below, and it binds @ServiceId, @GrainTypeString, @GrainIdN0,
-- @GrainIdN1, @GrainIdExtensionString (plus hashes we do not need), @GrainStateVersion and @PayloadBinary.
-- Each statement is idempotent; the node applies this file at each start.
PRAGMA journal_mode = WAL;

CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

-- One row per grain state. The grain's string key (or '' for integer keys) completes the identity; the state
-- name is GrainTypeString, which is why Villages gives every grain class its own state name.
-- A rowid table with the identity in its own index, not a WITHOUT ROWID table keyed by it: there, a row lives in the
-- key's b-tree, and a seek compared with a row larger than a page reads all of that row first. A national book's
-- checkpoint (tens of MB) then cost every grain whose seek passed it a read of the whole checkpoint, and cold ingest
-- stalled in system time. Here the index holds only keys; the payload is read only for its own row. The version
-- comes before the payload so that reading it does not walk the payload's overflow pages.
-- A table of the former layout is moved into this one at start (Villages.Hosting/Stores/SqliteGrainStateUpgrade.cs).
CREATE TABLE IF NOT EXISTS OrleansStorage (
    ServiceId              TEXT    NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainIdExtensionString TEXT    NOT NULL,
    Version                INTEGER NOT NULL,
    ModifiedOn             TEXT    NOT NULL,
    PayloadBinary          BLOB    NULL,
    UNIQUE (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
);

-- Read: the payload and its version, or no row.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey',
'SELECT PayloadBinary, Version FROM OrleansStorage
 WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
   AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''')');

-- Write with optimistic concurrency: a caller without a version can only create the row (at version 1); a caller
-- with a version can only replace the row that still has it (a row deleted behind it is a conflict, not a re-create).
-- No row back means a conflict, which the provider reports as such.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey',
'INSERT INTO OrleansStorage (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, PayloadBinary, ModifiedOn, Version)
 SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''''), @PayloadBinary, datetime(''now''), 1
 WHERE @GrainStateVersion IS NULL OR EXISTS (
   SELECT 1 FROM OrleansStorage
   WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
     AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, ''''))
 ON CONFLICT (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString) DO UPDATE
   SET PayloadBinary = excluded.PayloadBinary, ModifiedOn = excluded.ModifiedOn, Version = OrleansStorage.Version + 1
   WHERE OrleansStorage.Version = @GrainStateVersion
 RETURNING Version AS NewGrainStateVersion');

-- Clear keeps the row (and bumps its version) so that a later write still needs the right version.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey',
'UPDATE OrleansStorage SET PayloadBinary = NULL, ModifiedOn = datetime(''now''), Version = Version + 1
 WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
   AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''') AND Version = @GrainStateVersion
 RETURNING Version');

-- Delete (used when the provider is set to delete state on clear) answers the deleted version + 1, as the provider expects.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey',
'DELETE FROM OrleansStorage
 WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
   AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''') AND Version = @GrainStateVersion
 RETURNING Version + 1');
