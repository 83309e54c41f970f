-- Grain state for Orleans' ADO.NET grain storage provider on PostgreSQL (invariant "Npgsql"). Villages' own schema,
-- written to the provider's contract (the semantics are those of silo-config/sql/sqlite/orleans-storage.sql):
-- read answers PayloadBinary and Version; a write carries the version it read and answers NewGrainStateVersion,
-- or no row on a conflict. Idempotent; shares OrleansQuery with orleans-clustering.sql.
CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

CREATE TABLE IF NOT EXISTS OrleansStorage (
    ServiceId              text      NOT NULL,
    GrainTypeString        text      NOT NULL,
    GrainIdN0              bigint    NOT NULL,
    GrainIdN1              bigint    NOT NULL,
    GrainIdExtensionString text      NOT NULL,
    PayloadBinary          bytea     NULL,
    ModifiedOn             timestamp NOT NULL,
    Version                integer   NOT NULL,
    PRIMARY KEY (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey',
'SELECT PayloadBinary, Version FROM OrleansStorage
 WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
   AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''')')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey',
'INSERT INTO OrleansStorage AS s (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, PayloadBinary, ModifiedOn, Version)
 VALUES (@ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''''), @PayloadBinary, now() AT TIME ZONE ''UTC'', 1)
 ON CONFLICT (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString) DO UPDATE
   SET PayloadBinary = excluded.PayloadBinary, ModifiedOn = excluded.ModifiedOn, Version = s.Version + 1
   WHERE s.Version = @GrainStateVersion
 RETURNING Version AS NewGrainStateVersion')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey',
'UPDATE OrleansStorage SET PayloadBinary = NULL, ModifiedOn = now() AT TIME ZONE ''UTC'', Version = Version + 1
 WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
   AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''') AND Version = @GrainStateVersion
 RETURNING Version')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey',
'DELETE FROM OrleansStorage
 WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
   AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''') AND Version = @GrainStateVersion
 RETURNING Version + 1')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
