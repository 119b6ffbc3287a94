-- MonitoringWorker store schema, PostgreSQL dialect.
-- Adopts an existing deployment: every table is created only when missing and every column is added
-- only when missing, so rows already present are kept as they are. Nothing is dropped or rewritten.
-- Identifiers are unquoted: PostgreSQL folds them to lower case, so users' SQL works as written.

CREATE SCHEMA IF NOT EXISTS monitoring;

-- WorkerInstances ---------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS monitoring.WorkerInstances (
    WorkerInstanceId UUID NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY
);
ALTER TABLE monitoring.WorkerInstances
    ADD COLUMN IF NOT EXISTS WorkerName      VARCHAR(200),
    ADD COLUMN IF NOT EXISTS MachineName     VARCHAR(200),
    ADD COLUMN IF NOT EXISTS ProcessId       INTEGER,
    ADD COLUMN IF NOT EXISTS Version         VARCHAR(50),
    ADD COLUMN IF NOT EXISTS Environment     VARCHAR(50),
    ADD COLUMN IF NOT EXISTS Status          VARCHAR(20) NOT NULL DEFAULT 'Starting',
    ADD COLUMN IF NOT EXISTS StartedAt       TIMESTAMP NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
    ADD COLUMN IF NOT EXISTS LastHeartbeatAt TIMESTAMP,
    ADD COLUMN IF NOT EXISTS StoppedAt       TIMESTAMP,
    ADD COLUMN IF NOT EXISTS Configuration   TEXT,
    ADD COLUMN IF NOT EXISTS CreatedAt       TIMESTAMP NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
    ADD COLUMN IF NOT EXISTS CreatedBy       VARCHAR(128) NOT NULL DEFAULT current_user,
    ADD COLUMN IF NOT EXISTS ModifiedAt      TIMESTAMP,
    ADD COLUMN IF NOT EXISTS ModifiedBy      VARCHAR(128);

-- DatabaseConnections -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS monitoring.DatabaseConnections (
    ConnectionId UUID NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY
);
ALTER TABLE monitoring.DatabaseConnections
    ADD COLUMN IF NOT EXISTS ConnectionName           VARCHAR(200),
    ADD COLUMN IF NOT EXISTS Provider                 VARCHAR(50),
    ADD COLUMN IF NOT EXISTS ConnectionString         TEXT,
    ADD COLUMN IF NOT EXISTS Environment              VARCHAR(50),
    ADD COLUMN IF NOT EXISTS IsEnabled                BOOLEAN NOT NULL DEFAULT TRUE,
    ADD COLUMN IF NOT EXISTS ConnectionTimeoutSeconds INTEGER NOT NULL DEFAULT 15,
    ADD COLUMN IF NOT EXISTS CommandTimeoutSeconds    INTEGER NOT NULL DEFAULT 30,
    ADD COLUMN IF NOT EXISTS MaxConcurrency           INTEGER NOT NULL DEFAULT 2,
    ADD COLUMN IF NOT EXISTS Tags                     VARCHAR(500),
    ADD COLUMN IF NOT EXISTS Description              VARCHAR(1000),
    ADD COLUMN IF NOT EXISTS CreatedAt                TIMESTAMP NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
    ADD COLUMN IF NOT EXISTS CreatedBy                VARCHAR(128) NOT NULL DEFAULT current_user,
    ADD COLUMN IF NOT EXISTS ModifiedAt               TIMESTAMP,
    ADD COLUMN IF NOT EXISTS ModifiedBy               VARCHAR(128);

-- DatabaseQueries ---------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS monitoring.DatabaseQueries (
    QueryId UUID NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY
);
ALTER TABLE monitoring.DatabaseQueries
    ADD COLUMN IF NOT EXISTS QueryName          VARCHAR(200),
    ADD COLUMN IF NOT EXISTS QueryType          VARCHAR(50) NOT NULL DEFAULT 'Custom',
    ADD COLUMN IF NOT EXISTS SqlQuery           TEXT,
    ADD COLUMN IF NOT EXISTS ResultType         VARCHAR(20) NOT NULL DEFAULT 'Scalar',
    ADD COLUMN IF NOT EXISTS Description        VARCHAR(1000),
    ADD COLUMN IF NOT EXISTS Provider           VARCHAR(50),
    ADD COLUMN IF NOT EXISTS WarningThreshold   DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS CriticalThreshold  DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS ComparisonOperator VARCHAR(30),
    ADD COLUMN IF NOT EXISTS IntervalSeconds    INTEGER,
    ADD COLUMN IF NOT EXISTS TimeoutSeconds     INTEGER,
    ADD COLUMN IF NOT EXISTS MaxRows            INTEGER NOT NULL DEFAULT 100,
    ADD COLUMN IF NOT EXISTS AllowWrite         BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN IF NOT EXISTS IsEnabled          BOOLEAN NOT NULL DEFAULT TRUE,
    ADD COLUMN IF NOT EXISTS CreatedAt          TIMESTAMP NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
    ADD COLUMN IF NOT EXISTS CreatedBy          VARCHAR(128) NOT NULL DEFAULT current_user,
    ADD COLUMN IF NOT EXISTS ModifiedAt         TIMESTAMP,
    ADD COLUMN IF NOT EXISTS ModifiedBy         VARCHAR(128);

-- WorkerJobs --------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS monitoring.WorkerJobs (
    JobId UUID NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY
);
ALTER TABLE monitoring.WorkerJobs
    ADD COLUMN IF NOT EXISTS WorkerInstanceId UUID,
    ADD COLUMN IF NOT EXISTS JobType          VARCHAR(50) NOT NULL DEFAULT 'DatabaseMonitoring',
    ADD COLUMN IF NOT EXISTS JobName          VARCHAR(200),
    ADD COLUMN IF NOT EXISTS Priority         INTEGER NOT NULL DEFAULT 5,
    ADD COLUMN IF NOT EXISTS Status           VARCHAR(20) NOT NULL DEFAULT 'Pending',
    ADD COLUMN IF NOT EXISTS ConnectionId     UUID,
    ADD COLUMN IF NOT EXISTS QueryId          UUID,
    ADD COLUMN IF NOT EXISTS Environment      VARCHAR(50),
    ADD COLUMN IF NOT EXISTS Parameters       TEXT,
    ADD COLUMN IF NOT EXISTS ScheduledAt      TIMESTAMP NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
    ADD COLUMN IF NOT EXISTS StartedAt        TIMESTAMP,
    ADD COLUMN IF NOT EXISTS CompletedAt      TIMESTAMP,
    ADD COLUMN IF NOT EXISTS LeaseExpiresAt   TIMESTAMP,
    ADD COLUMN IF NOT EXISTS Attempt          INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS MaxAttempts      INTEGER NOT NULL DEFAULT 3,
    ADD COLUMN IF NOT EXISTS NextAttemptAt    TIMESTAMP,
    ADD COLUMN IF NOT EXISTS LastError        TEXT,
    ADD COLUMN IF NOT EXISTS ResultSummary    TEXT,
    ADD COLUMN IF NOT EXISTS DurationMs       BIGINT,
    ADD COLUMN IF NOT EXISTS DedupeKey        VARCHAR(200),
    ADD COLUMN IF NOT EXISTS CreatedAt        TIMESTAMP NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
    ADD COLUMN IF NOT EXISTS CreatedBy        VARCHAR(128) NOT NULL DEFAULT current_user,
    ADD COLUMN IF NOT EXISTS ModifiedAt       TIMESTAMP,
    ADD COLUMN IF NOT EXISTS ModifiedBy       VARCHAR(128);

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'fk_workerjobs_workerinstances') THEN
        ALTER TABLE monitoring.WorkerJobs ADD CONSTRAINT FK_WorkerJobs_WorkerInstances
            FOREIGN KEY (WorkerInstanceId) REFERENCES monitoring.WorkerInstances (WorkerInstanceId);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'ck_workerjobs_priority') THEN
        ALTER TABLE monitoring.WorkerJobs ADD CONSTRAINT CK_WorkerJobs_Priority
            CHECK (Priority BETWEEN 1 AND 10) NOT VALID;
    END IF;
END $$;

-- DatabaseMonitoringResults -----------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS monitoring.DatabaseMonitoringResults (
    ResultId UUID NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY
);
ALTER TABLE monitoring.DatabaseMonitoringResults
    ADD COLUMN IF NOT EXISTS JobId            UUID,
    ADD COLUMN IF NOT EXISTS ConnectionId     UUID,
    ADD COLUMN IF NOT EXISTS QueryId          UUID,
    ADD COLUMN IF NOT EXISTS WorkerInstanceId UUID,
    ADD COLUMN IF NOT EXISTS Attempt          INTEGER,
    ADD COLUMN IF NOT EXISTS Environment      VARCHAR(50),
    ADD COLUMN IF NOT EXISTS Provider         VARCHAR(50),
    ADD COLUMN IF NOT EXISTS Status           VARCHAR(20),
    ADD COLUMN IF NOT EXISTS ResultValue      DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS ResultText       VARCHAR(4000),
    ADD COLUMN IF NOT EXISTS ResultRowCount   INTEGER,
    ADD COLUMN IF NOT EXISTS DurationMs       BIGINT,
    ADD COLUMN IF NOT EXISTS ErrorMessage     VARCHAR(4000),
    ADD COLUMN IF NOT EXISTS Details          TEXT,
    ADD COLUMN IF NOT EXISTS QueryHash        VARCHAR(64),
    ADD COLUMN IF NOT EXISTS ExecutedAt       TIMESTAMP NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
    ADD COLUMN IF NOT EXISTS CreatedAt        TIMESTAMP NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
    ADD COLUMN IF NOT EXISTS CreatedBy        VARCHAR(128) NOT NULL DEFAULT current_user,
    ADD COLUMN IF NOT EXISTS ModifiedAt       TIMESTAMP,
    ADD COLUMN IF NOT EXISTS ModifiedBy       VARCHAR(128);

-- WorkerMetrics -----------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS monitoring.WorkerMetrics (
    MetricId UUID NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY
);
ALTER TABLE monitoring.WorkerMetrics
    ADD COLUMN IF NOT EXISTS WorkerInstanceId UUID,
    ADD COLUMN IF NOT EXISTS MetricType       VARCHAR(30),
    ADD COLUMN IF NOT EXISTS MetricName       VARCHAR(200),
    ADD COLUMN IF NOT EXISTS MetricValue      DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS Unit             VARCHAR(30),
    ADD COLUMN IF NOT EXISTS Tags             VARCHAR(1000),
    ADD COLUMN IF NOT EXISTS RecordedAt       TIMESTAMP NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
    ADD COLUMN IF NOT EXISTS CreatedAt        TIMESTAMP NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
    ADD COLUMN IF NOT EXISTS CreatedBy        VARCHAR(128) NOT NULL DEFAULT current_user,
    ADD COLUMN IF NOT EXISTS ModifiedAt       TIMESTAMP,
    ADD COLUMN IF NOT EXISTS ModifiedBy       VARCHAR(128);

-- Config (exists in PopAI; created if absent) -----------------------------------------------------
CREATE TABLE IF NOT EXISTS monitoring.Config (
    ConfigKey VARCHAR(200) NOT NULL PRIMARY KEY
);
ALTER TABLE monitoring.Config
    ADD COLUMN IF NOT EXISTS ConfigValue VARCHAR(4000),
    ADD COLUMN IF NOT EXISTS Description VARCHAR(1000),
    ADD COLUMN IF NOT EXISTS CreatedAt   TIMESTAMP NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
    ADD COLUMN IF NOT EXISTS CreatedBy   VARCHAR(128) NOT NULL DEFAULT current_user,
    ADD COLUMN IF NOT EXISTS ModifiedAt  TIMESTAMP,
    ADD COLUMN IF NOT EXISTS ModifiedBy  VARCHAR(128);

-- Indexes -----------------------------------------------------------------------------------------
CREATE UNIQUE INDEX IF NOT EXISTS UX_DatabaseConnections_ConnectionName ON monitoring.DatabaseConnections (ConnectionName);
CREATE INDEX IF NOT EXISTS IX_DatabaseConnections_Environment_Provider ON monitoring.DatabaseConnections (Environment, Provider);
CREATE UNIQUE INDEX IF NOT EXISTS UX_DatabaseQueries_QueryName ON monitoring.DatabaseQueries (QueryName);
CREATE INDEX IF NOT EXISTS IX_WorkerInstances_Status ON monitoring.WorkerInstances (Status, LastHeartbeatAt);
-- the claim reads only Pending rows in this order; a partial index keeps it small under history
CREATE INDEX IF NOT EXISTS IX_WorkerJobs_Claim ON monitoring.WorkerJobs (Priority, ScheduledAt) WHERE Status = 'Pending';
CREATE INDEX IF NOT EXISTS IX_WorkerJobs_Lease ON monitoring.WorkerJobs (LeaseExpiresAt) WHERE Status = 'Running';
CREATE INDEX IF NOT EXISTS IX_WorkerJobs_Status_Priority ON monitoring.WorkerJobs (Status, Priority);
CREATE UNIQUE INDEX IF NOT EXISTS UX_WorkerJobs_DedupeKey ON monitoring.WorkerJobs (DedupeKey) WHERE DedupeKey IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS UX_Results_Job_Connection_Query ON monitoring.DatabaseMonitoringResults (JobId, ConnectionId, QueryId);
CREATE INDEX IF NOT EXISTS IX_Results_ExecutedAt ON monitoring.DatabaseMonitoringResults (ExecutedAt);
CREATE INDEX IF NOT EXISTS IX_Results_Connection_Query_ExecutedAt ON monitoring.DatabaseMonitoringResults (ConnectionId, QueryId, ExecutedAt);
CREATE INDEX IF NOT EXISTS IX_Results_Environment_Provider ON monitoring.DatabaseMonitoringResults (Environment, Provider, ExecutedAt);
CREATE INDEX IF NOT EXISTS IX_WorkerMetrics_RecordedAt ON monitoring.WorkerMetrics (RecordedAt);
CREATE INDEX IF NOT EXISTS IX_WorkerMetrics_Worker_RecordedAt ON monitoring.WorkerMetrics (WorkerInstanceId, RecordedAt);

-- Seed rows, only when absent ---------------------------------------------------------------------
INSERT INTO monitoring.DatabaseQueries (QueryName, QueryType, SqlQuery, ResultType, Description, IntervalSeconds)
SELECT 'Connection Test', 'HealthCheck', 'SELECT 1', 'Scalar', 'Basic connectivity check', 60
WHERE NOT EXISTS (SELECT 1 FROM monitoring.DatabaseQueries WHERE QueryName = 'Connection Test');

INSERT INTO monitoring.Config (ConfigKey, ConfigValue, Description)
SELECT 'MonitoringWorker.RetentionDays', '30', 'Days of results, metrics and finished jobs to keep'
WHERE NOT EXISTS (SELECT 1 FROM monitoring.Config WHERE ConfigKey = 'MonitoringWorker.RetentionDays');
