-- Alerting: per-query alert rules, the current state of every alert and every change to it.
-- Rule columns are optional: NULL takes the worker's default (monitoring.alerts.*).

ALTER TABLE monitoring.DatabaseQueries
    ADD COLUMN IF NOT EXISTS WarningRecovery     DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS CriticalRecovery    DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS HardAfter           INTEGER,
    ADD COLUMN IF NOT EXISTS FlapLowPercent      DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS FlapHighPercent     DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS StaleAfterIntervals DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS AlertKeyColumn      VARCHAR(128),
    ADD COLUMN IF NOT EXISTS AlertValueColumn    VARCHAR(128);

-- One row per alert: (connection, query) with RowKey '' or, for DataSet queries with AlertKeyColumn, one per key.
CREATE TABLE IF NOT EXISTS monitoring.AlertStates (
    ConnectionId  UUID             NOT NULL,
    QueryId       UUID             NOT NULL,
    RowKey        VARCHAR(400)     NOT NULL DEFAULT '',
    State         VARCHAR(20)      NOT NULL,
    PendingState  VARCHAR(20),
    PendingCount  INTEGER          NOT NULL DEFAULT 0,
    DataState     VARCHAR(20)      NOT NULL,
    IsFlapping    BOOLEAN          NOT NULL DEFAULT FALSE,
    History       VARCHAR(100)     NOT NULL DEFAULT '',
    StateSince    TIMESTAMP        NOT NULL,
    LastSeenAt    TIMESTAMP,
    Sequence      BIGINT           NOT NULL DEFAULT 0,
    LastValue     DOUBLE PRECISION,
    LastMessage   VARCHAR(4000),
    CreatedAt     TIMESTAMP        NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
    ModifiedAt    TIMESTAMP,
    CONSTRAINT PK_AlertStates PRIMARY KEY (ConnectionId, QueryId, RowKey)
);

-- Every change of an alert. (ConnectionId, QueryId, RowKey, Sequence) is unique: of several replicas recording
-- the same change one row wins, and one notification goes out for it.
CREATE TABLE IF NOT EXISTS monitoring.AlertEvents (
    EventId        UUID             NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    ConnectionId   UUID             NOT NULL,
    QueryId        UUID             NOT NULL,
    RowKey         VARCHAR(400)     NOT NULL DEFAULT '',
    Sequence       BIGINT           NOT NULL,
    Kind           VARCHAR(30)      NOT NULL,
    FromState      VARCHAR(20)      NOT NULL,
    ToState        VARCHAR(20)      NOT NULL,
    OccurredAt     TIMESTAMP        NOT NULL,
    Notifies       BOOLEAN          NOT NULL,
    Reason         VARCHAR(4000),
    ResultValue    DOUBLE PRECISION,
    NotifiedAt     TIMESTAMP,
    NotifyAttempts INTEGER          NOT NULL DEFAULT 0,
    NextNotifyAt   TIMESTAMP,
    NotifyError    VARCHAR(4000),
    CreatedAt      TIMESTAMP        NOT NULL DEFAULT (now() AT TIME ZONE 'UTC')
);
CREATE UNIQUE INDEX IF NOT EXISTS UX_AlertEvents_Alert_Sequence ON monitoring.AlertEvents (ConnectionId, QueryId, RowKey, Sequence);
CREATE INDEX IF NOT EXISTS IX_AlertEvents_OccurredAt ON monitoring.AlertEvents (OccurredAt);
CREATE INDEX IF NOT EXISTS IX_AlertEvents_Unsent ON monitoring.AlertEvents (NextNotifyAt) WHERE Notifies AND NotifiedAt IS NULL;

-- Alerts that are not Ok, with names and age.
CREATE OR REPLACE VIEW monitoring.vw_CurrentAlerts AS
SELECT s.ConnectionId, c.ConnectionName, c.Environment, c.Provider, s.QueryId, q.QueryName, s.RowKey, s.State,
       s.StateSince, CAST(EXTRACT(EPOCH FROM ((now() AT TIME ZONE 'UTC') - s.StateSince)) AS BIGINT) AS AgeSeconds,
       s.IsFlapping, s.LastValue, s.LastMessage, s.LastSeenAt
FROM monitoring.AlertStates s
LEFT JOIN monitoring.DatabaseConnections c ON c.ConnectionId = s.ConnectionId
LEFT JOIN monitoring.DatabaseQueries q ON q.QueryId = s.QueryId
WHERE s.State <> 'Ok';

-- State changes per UTC day and target state.
CREATE OR REPLACE VIEW monitoring.vw_AlertTransitionsPerDay AS
SELECT CAST(OccurredAt AS DATE) AS OccurredOn, ToState, COUNT(*) AS Transitions, SUM(CASE WHEN Notifies THEN 1 ELSE 0 END) AS Notified
FROM monitoring.AlertEvents
WHERE Kind = 'StateChanged'
GROUP BY CAST(OccurredAt AS DATE), ToState;

-- Queries by how often their alerts changed over the last 7 days: the candidates for better thresholds.
CREATE OR REPLACE VIEW monitoring.vw_NoisyQueries AS
SELECT e.QueryId, q.QueryName, COUNT(*) AS Transitions, COUNT(DISTINCT e.ConnectionId) AS Connections,
       SUM(CASE WHEN e.Kind = 'FlappingStarted' THEN 1 ELSE 0 END) AS FlappingSpells
FROM monitoring.AlertEvents e
LEFT JOIN monitoring.DatabaseQueries q ON q.QueryId = e.QueryId
WHERE e.OccurredAt >= (now() AT TIME ZONE 'UTC') - INTERVAL '7 days'
GROUP BY e.QueryId, q.QueryName;
