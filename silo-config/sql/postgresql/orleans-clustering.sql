-- Cluster membership for Orleans' ADO.NET clustering provider on PostgreSQL (invariant "Npgsql"), silos and clients
-- alike. Villages' own schema, written to the provider's contract: a version row per cluster (DeploymentId) that
-- every membership change bumps optimistically, and one row per silo. Reads answer the version row LEFT JOINed to
-- the members, so there is always a row to read the table version from. Idempotent; shares OrleansQuery.
CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable (
    DeploymentId varchar(150) NOT NULL PRIMARY KEY,
    Timestamp    timestamptz  NOT NULL DEFAULT now(),
    Version      integer      NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable (
    DeploymentId varchar(150)  NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId),
    Address      varchar(45)   NOT NULL,
    Port         integer       NOT NULL,
    Generation   integer       NOT NULL,
    SiloName     varchar(150)  NOT NULL,
    HostName     varchar(150)  NOT NULL,
    Status       integer       NOT NULL,
    ProxyPort    integer       NOT NULL,
    SuspectTimes varchar(8000) NULL,
    StartTime    timestamptz   NOT NULL,
    IAmAliveTime timestamptz   NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

-- At silo start: the cluster's version row, once. Answers whether it was created.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipVersionKey',
'WITH created AS (
   INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (@DeploymentId)
   ON CONFLICT (DeploymentId) DO NOTHING RETURNING 1)
 SELECT COUNT(*) FROM created')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateIAmAlivetimeKey',
'UPDATE OrleansMembershipTable SET IAmAliveTime = @IAmAliveTime
 WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- A silo joins only if the table version it read is still current; the version moves on in the same statement.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipKey',
'WITH version AS (
   UPDATE OrleansMembershipVersionTable SET Version = Version + 1, Timestamp = now()
   WHERE DeploymentId = @DeploymentId AND Version = @Version RETURNING 1),
 member AS (
   INSERT INTO OrleansMembershipTable (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
   SELECT @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
   WHERE EXISTS (SELECT 1 FROM version)
   ON CONFLICT DO NOTHING RETURNING 1)
 SELECT COUNT(*) FROM member')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateMembershipKey',
'WITH version AS (
   UPDATE OrleansMembershipVersionTable SET Version = Version + 1, Timestamp = now()
   WHERE DeploymentId = @DeploymentId AND Version = @Version RETURNING 1),
 member AS (
   UPDATE OrleansMembershipTable SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = @IAmAliveTime
   WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
     AND EXISTS (SELECT 1 FROM version)
   RETURNING 1)
 SELECT COUNT(*) FROM member')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadRowKey',
'SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
        m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
 FROM OrleansMembershipVersionTable v
 LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
   AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
 WHERE v.DeploymentId = @DeploymentId')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadAllKey',
'SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
        m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
 FROM OrleansMembershipVersionTable v
 LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
 WHERE v.DeploymentId = @DeploymentId')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Where clients connect: active silos that accept clients.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('GatewaysQueryKey',
'SELECT Address, ProxyPort, Generation FROM OrleansMembershipTable
 WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteMembershipTableEntriesKey',
'DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId; DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Forget silos that are long gone (not active, and silent since the cutoff).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntriesKey',
'DELETE FROM OrleansMembershipTable
 WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status <> 3')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
