-- MonitoringWorker store schema, H2 dialect (the embedded default store).
-- Kept in step with the PostgreSQL and SQL Server files: same tables, columns, defaults and indexes.
-- H2 folds unquoted identifiers to upper case; times are UTC from the database clock.

CREATE SCHEMA IF NOT EXISTS monitoring;

CREATE TABLE IF NOT EXISTS monitoring.WorkerInstances (
    WorkerInstanceId UUID         NOT NULL DEFAULT RANDOM_UUID() PRIMARY KEY,
    WorkerName       VARCHAR(200),
    MachineName      VARCHAR(200),
    ProcessId        INTEGER,
    Version          VARCHAR(50),
    Environment      VARCHAR(50),
    Status           VARCHAR(20)  NOT NULL DEFAULT 'Starting',
    StartedAt        TIMESTAMP    NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP),
    LastHeartbeatAt  TIMESTAMP,
    StoppedAt        TIMESTAMP,
    Configuration    VARCHAR,
    CreatedAt        TIMESTAMP    NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP),
    CreatedBy        VARCHAR(128) NOT NULL DEFAULT CURRENT_USER,
    ModifiedAt       TIMESTAMP,
    ModifiedBy       VARCHAR(128)
);

CREATE TABLE IF NOT EXISTS monitoring.DatabaseConnections (
    ConnectionId             UUID          NOT NULL DEFAULT RANDOM_UUID() PRIMARY KEY,
    ConnectionName           VARCHAR(200),
    Provider                 VARCHAR(50),
    ConnectionString         VARCHAR,
    Environment              VARCHAR(50),
    IsEnabled                BOOLEAN       NOT NULL DEFAULT TRUE,
    ConnectionTimeoutSeconds INTEGER       NOT NULL DEFAULT 15,
    CommandTimeoutSeconds    INTEGER       NOT NULL DEFAULT 30,
    MaxConcurrency           INTEGER       NOT NULL DEFAULT 2,
    Tags                     VARCHAR(500),
    Description              VARCHAR(1000),
    CreatedAt                TIMESTAMP     NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP),
    CreatedBy                VARCHAR(128)  NOT NULL DEFAULT CURRENT_USER,
    ModifiedAt               TIMESTAMP,
    ModifiedBy               VARCHAR(128)
);

CREATE TABLE IF NOT EXISTS monitoring.DatabaseQueries (
    QueryId            UUID          NOT NULL DEFAULT RANDOM_UUID() PRIMARY KEY,
    QueryName          VARCHAR(200),
    QueryType          VARCHAR(50)   NOT NULL DEFAULT 'Custom',
    SqlQuery           VARCHAR,
    ResultType         VARCHAR(20)   NOT NULL DEFAULT 'Scalar',
    Description        VARCHAR(1000),
    Provider           VARCHAR(50),
    WarningThreshold   DOUBLE PRECISION,
    CriticalThreshold  DOUBLE PRECISION,
    ComparisonOperator VARCHAR(30),
    IntervalSeconds    INTEGER,
    TimeoutSeconds     INTEGER,
    MaxRows            INTEGER       NOT NULL DEFAULT 100,
    AllowWrite         BOOLEAN       NOT NULL DEFAULT FALSE,
    IsEnabled          BOOLEAN       NOT NULL DEFAULT TRUE,
    CreatedAt          TIMESTAMP     NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP),
    CreatedBy          VARCHAR(128)  NOT NULL DEFAULT CURRENT_USER,
    ModifiedAt         TIMESTAMP,
    ModifiedBy         VARCHAR(128)
);

CREATE TABLE IF NOT EXISTS monitoring.WorkerJobs (
    JobId            UUID          NOT NULL DEFAULT RANDOM_UUID() PRIMARY KEY,
    WorkerInstanceId UUID,
    JobType          VARCHAR(50)   NOT NULL DEFAULT 'DatabaseMonitoring',
    JobName          VARCHAR(200),
    Priority         INTEGER       NOT NULL DEFAULT 5,
    Status           VARCHAR(20)   NOT NULL DEFAULT 'Pending',
    ConnectionId     UUID,
    QueryId          UUID,
    Environment      VARCHAR(50),
    Parameters       VARCHAR,
    ScheduledAt      TIMESTAMP     NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP),
    StartedAt        TIMESTAMP,
    CompletedAt      TIMESTAMP,
    LeaseExpiresAt   TIMESTAMP,
    Attempt          INTEGER       NOT NULL DEFAULT 0,
    MaxAttempts      INTEGER       NOT NULL DEFAULT 3,
    NextAttemptAt    TIMESTAMP,
    LastError        VARCHAR,
    ResultSummary    VARCHAR,
    DurationMs       BIGINT,
    DedupeKey        VARCHAR(200),
    CreatedAt        TIMESTAMP     NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP),
    CreatedBy        VARCHAR(128)  NOT NULL DEFAULT CURRENT_USER,
    ModifiedAt       TIMESTAMP,
    ModifiedBy       VARCHAR(128),
    CONSTRAINT FK_WorkerJobs_WorkerInstances FOREIGN KEY (WorkerInstanceId) REFERENCES monitoring.WorkerInstances (WorkerInstanceId),
    CONSTRAINT CK_WorkerJobs_Priority CHECK (Priority BETWEEN 1 AND 10)
);

CREATE TABLE IF NOT EXISTS monitoring.DatabaseMonitoringResults (
    ResultId         UUID          NOT NULL DEFAULT RANDOM_UUID() PRIMARY KEY,
    JobId            UUID,
    ConnectionId     UUID,
    QueryId          UUID,
    WorkerInstanceId UUID,
    Attempt          INTEGER,
    Environment      VARCHAR(50),
    Provider         VARCHAR(50),
    Status           VARCHAR(20),
    ResultValue      DOUBLE PRECISION,
    ResultText       VARCHAR(4000),
    ResultRowCount   INTEGER,
    DurationMs       BIGINT,
    ErrorMessage     VARCHAR(4000),
    Details          VARCHAR,
    QueryHash        VARCHAR(64),
    ExecutedAt       TIMESTAMP     NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP),
    CreatedAt        TIMESTAMP     NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP),
    CreatedBy        VARCHAR(128)  NOT NULL DEFAULT CURRENT_USER,
    ModifiedAt       TIMESTAMP,
    ModifiedBy       VARCHAR(128)
);

CREATE TABLE IF NOT EXISTS monitoring.WorkerMetrics (
    MetricId         UUID          NOT NULL DEFAULT RANDOM_UUID() PRIMARY KEY,
    WorkerInstanceId UUID,
    MetricType       VARCHAR(30),
    MetricName       VARCHAR(200),
    MetricValue      DOUBLE PRECISION,
    Unit             VARCHAR(30),
    Tags             VARCHAR(1000),
    RecordedAt       TIMESTAMP     NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP),
    CreatedAt        TIMESTAMP     NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP),
    CreatedBy        VARCHAR(128)  NOT NULL DEFAULT CURRENT_USER,
    ModifiedAt       TIMESTAMP,
    ModifiedBy       VARCHAR(128)
);

CREATE TABLE IF NOT EXISTS monitoring.Config (
    ConfigKey   VARCHAR(200)  NOT NULL PRIMARY KEY,
    ConfigValue VARCHAR(4000),
    Description VARCHAR(1000),
    CreatedAt   TIMESTAMP     NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP),
    CreatedBy   VARCHAR(128)  NOT NULL DEFAULT CURRENT_USER,
    ModifiedAt  TIMESTAMP,
    ModifiedBy  VARCHAR(128)
);

-- Indexes (H2 has no partial indexes; a NULL never collides in a unique index) -------------------
CREATE UNIQUE INDEX IF NOT EXISTS UX_DatabaseConnections_ConnectionName ON monitoring.DatabaseConnections (ConnectionName);
CREATE INDEX IF NOT EXISTS IX_DatabaseConnections_Environment_Provider ON monitoring.DatabaseConnections (Environment, Provider);
CREATE UNIQUE INDEX IF NOT EXISTS UX_DatabaseQueries_QueryName ON monitoring.DatabaseQueries (QueryName);
CREATE INDEX IF NOT EXISTS IX_WorkerInstances_Status ON monitoring.WorkerInstances (Status, LastHeartbeatAt);
CREATE INDEX IF NOT EXISTS IX_WorkerJobs_Claim ON monitoring.WorkerJobs (Status, Priority, ScheduledAt);
CREATE INDEX IF NOT EXISTS IX_WorkerJobs_Lease ON monitoring.WorkerJobs (Status, LeaseExpiresAt);
CREATE UNIQUE INDEX IF NOT EXISTS UX_WorkerJobs_DedupeKey ON monitoring.WorkerJobs (DedupeKey);
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
