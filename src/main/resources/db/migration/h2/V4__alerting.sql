-- Alerting: per-query alert rules, the current state of every alert and every change to it (H2 dialect).
-- Rule columns are optional: NULL takes the worker's default (monitoring.alerts.*).

ALTER TABLE monitoring.DatabaseQueries ADD COLUMN IF NOT EXISTS WarningRecovery DOUBLE PRECISION;
ALTER TABLE monitoring.DatabaseQueries ADD COLUMN IF NOT EXISTS CriticalRecovery DOUBLE PRECISION;
ALTER TABLE monitoring.DatabaseQueries ADD COLUMN IF NOT EXISTS HardAfter INTEGER;
ALTER TABLE monitoring.DatabaseQueries ADD COLUMN IF NOT EXISTS FlapLowPercent DOUBLE PRECISION;
ALTER TABLE monitoring.DatabaseQueries ADD COLUMN IF NOT EXISTS FlapHighPercent DOUBLE PRECISION;
ALTER TABLE monitoring.DatabaseQueries ADD COLUMN IF NOT EXISTS StaleAfterIntervals DOUBLE PRECISION;
ALTER TABLE monitoring.DatabaseQueries ADD COLUMN IF NOT EXISTS AlertKeyColumn VARCHAR(128);
ALTER TABLE monitoring.DatabaseQueries ADD COLUMN IF NOT EXISTS AlertValueColumn VARCHAR(128);

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
    CreatedAt     TIMESTAMP        NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP),
    ModifiedAt    TIMESTAMP,
    CONSTRAINT PK_AlertStates PRIMARY KEY (ConnectionId, QueryId, RowKey)
);

CREATE TABLE IF NOT EXISTS monitoring.AlertEvents (
    EventId        UUID             NOT NULL DEFAULT RANDOM_UUID() PRIMARY KEY,
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
    CreatedAt      TIMESTAMP        NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP)
);
CREATE UNIQUE INDEX IF NOT EXISTS UX_AlertEvents_Alert_Sequence ON monitoring.AlertEvents (ConnectionId, QueryId, RowKey, Sequence);
CREATE INDEX IF NOT EXISTS IX_AlertEvents_OccurredAt ON monitoring.AlertEvents (OccurredAt);
-- H2 has no filtered indexes
CREATE INDEX IF NOT EXISTS IX_AlertEvents_Unsent ON monitoring.AlertEvents (NotifiedAt, NextNotifyAt);

CREATE OR REPLACE VIEW monitoring.vw_CurrentAlerts AS
SELECT s.ConnectionId, c.ConnectionName, c.Environment, c.Provider, s.QueryId, q.QueryName, s.RowKey, s.State,
       s.StateSince, DATEDIFF('SECOND', s.StateSince, CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP)) AS AgeSeconds,
       s.IsFlapping, s.LastValue, s.LastMessage, s.LastSeenAt
FROM monitoring.AlertStates s
LEFT JOIN monitoring.DatabaseConnections c ON c.ConnectionId = s.ConnectionId
LEFT JOIN monitoring.DatabaseQueries q ON q.QueryId = s.QueryId
WHERE s.State <> 'Ok';

CREATE OR REPLACE VIEW monitoring.vw_AlertTransitionsPerDay AS
SELECT CAST(OccurredAt AS DATE) AS OccurredOn, ToState, COUNT(*) AS Transitions, SUM(CASE WHEN Notifies THEN 1 ELSE 0 END) AS Notified
FROM monitoring.AlertEvents
WHERE Kind = 'StateChanged'
GROUP BY CAST(OccurredAt AS DATE), ToState;

CREATE OR REPLACE VIEW monitoring.vw_NoisyQueries AS
SELECT e.QueryId, q.QueryName, COUNT(*) AS Transitions, COUNT(DISTINCT e.ConnectionId) AS Connections,
       SUM(CASE WHEN e.Kind = 'FlappingStarted' THEN 1 ELSE 0 END) AS FlappingSpells
FROM monitoring.AlertEvents e
LEFT JOIN monitoring.DatabaseQueries q ON q.QueryId = e.QueryId
WHERE e.OccurredAt >= DATEADD('DAY', -7, CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP))
GROUP BY e.QueryId, q.QueryName;
