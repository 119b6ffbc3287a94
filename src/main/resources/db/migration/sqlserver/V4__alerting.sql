-- Alerting: per-query alert rules, the current state of every alert and every change to it (T-SQL).
-- Rule columns are optional: NULL takes the worker's default (monitoring.alerts.*).
-- Views are dropped and created (CREATE OR ALTER is SQL Server 2016 SP1 and later only, and the TDS engine lacks it).

IF COL_LENGTH(N'monitoring.DatabaseQueries', N'WarningRecovery') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD WarningRecovery FLOAT NULL;
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'CriticalRecovery') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD CriticalRecovery FLOAT NULL;
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'HardAfter') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD HardAfter INT NULL;
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'FlapLowPercent') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD FlapLowPercent FLOAT NULL;
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'FlapHighPercent') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD FlapHighPercent FLOAT NULL;
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'StaleAfterIntervals') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD StaleAfterIntervals FLOAT NULL;
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'AlertKeyColumn') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD AlertKeyColumn NVARCHAR(128) NULL;
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'AlertValueColumn') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD AlertValueColumn NVARCHAR(128) NULL;
GO

IF OBJECT_ID(N'monitoring.AlertStates', N'U') IS NULL
    CREATE TABLE monitoring.AlertStates (
        ConnectionId  UNIQUEIDENTIFIER NOT NULL,
        QueryId       UNIQUEIDENTIFIER NOT NULL,
        RowKey        NVARCHAR(400)    NOT NULL CONSTRAINT DF_AlertStates_RowKey DEFAULT N'',
        State         NVARCHAR(20)     NOT NULL,
        PendingState  NVARCHAR(20)     NULL,
        PendingCount  INT              NOT NULL CONSTRAINT DF_AlertStates_PendingCount DEFAULT 0,
        DataState     NVARCHAR(20)     NOT NULL,
        IsFlapping    BIT              NOT NULL CONSTRAINT DF_AlertStates_IsFlapping DEFAULT 0,
        History       NVARCHAR(100)    NOT NULL CONSTRAINT DF_AlertStates_History DEFAULT N'',
        StateSince    DATETIME2        NOT NULL,
        LastSeenAt    DATETIME2        NULL,
        Sequence      BIGINT           NOT NULL CONSTRAINT DF_AlertStates_Sequence DEFAULT 0,
        LastValue     FLOAT            NULL,
        LastMessage   NVARCHAR(4000)   NULL,
        CreatedAt     DATETIME2        NOT NULL CONSTRAINT DF_AlertStates_CreatedAt DEFAULT SYSUTCDATETIME(),
        ModifiedAt    DATETIME2        NULL,
        CONSTRAINT PK_AlertStates PRIMARY KEY (ConnectionId, QueryId, RowKey)
    );
GO

IF OBJECT_ID(N'monitoring.AlertEvents', N'U') IS NULL
    CREATE TABLE monitoring.AlertEvents (
        EventId        UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_AlertEvents PRIMARY KEY CONSTRAINT DF_AlertEvents_EventId DEFAULT NEWSEQUENTIALID(),
        ConnectionId   UNIQUEIDENTIFIER NOT NULL,
        QueryId        UNIQUEIDENTIFIER NOT NULL,
        RowKey         NVARCHAR(400)    NOT NULL CONSTRAINT DF_AlertEvents_RowKey DEFAULT N'',
        Sequence       BIGINT           NOT NULL,
        Kind           NVARCHAR(30)     NOT NULL,
        FromState      NVARCHAR(20)     NOT NULL,
        ToState        NVARCHAR(20)     NOT NULL,
        OccurredAt     DATETIME2        NOT NULL,
        Notifies       BIT              NOT NULL,
        Reason         NVARCHAR(4000)   NULL,
        ResultValue    FLOAT            NULL,
        NotifiedAt     DATETIME2        NULL,
        NotifyAttempts INT              NOT NULL CONSTRAINT DF_AlertEvents_NotifyAttempts DEFAULT 0,
        NextNotifyAt   DATETIME2        NULL,
        NotifyError    NVARCHAR(4000)   NULL,
        CreatedAt      DATETIME2        NOT NULL CONSTRAINT DF_AlertEvents_CreatedAt DEFAULT SYSUTCDATETIME()
    );
-- An index is looked up by its name, or by the name the TDS engine's catalog gives it (the first 31
-- characters of <name><table> in lower case, then 32 hex digits), so the guards hold on SQL Server and on that engine alike.
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'monitoring.AlertEvents')
                AND (name = N'UX_AlertEvents_Alert_Sequence' OR name LIKE N'ux[_]alertevents[_]alert[_]sequenceal' + REPLICATE(N'[0-9a-f]', 32)))
    CREATE UNIQUE INDEX UX_AlertEvents_Alert_Sequence ON monitoring.AlertEvents (ConnectionId, QueryId, RowKey, Sequence);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'monitoring.AlertEvents')
                AND (name = N'IX_AlertEvents_OccurredAt' OR name LIKE N'ix[_]alertevents[_]occurredatalerte' + REPLICATE(N'[0-9a-f]', 32)))
    CREATE INDEX IX_AlertEvents_OccurredAt ON monitoring.AlertEvents (OccurredAt);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'monitoring.AlertEvents')
                AND (name = N'IX_AlertEvents_Unsent' OR name LIKE N'ix[_]alertevents[_]unsentalertevent' + REPLICATE(N'[0-9a-f]', 32)))
    CREATE INDEX IX_AlertEvents_Unsent ON monitoring.AlertEvents (NextNotifyAt) WHERE Notifies = 1 AND NotifiedAt IS NULL;
GO

IF OBJECT_ID(N'monitoring.vw_CurrentAlerts', N'V') IS NOT NULL DROP VIEW monitoring.vw_CurrentAlerts;
GO
CREATE VIEW monitoring.vw_CurrentAlerts AS
SELECT s.ConnectionId, c.ConnectionName, c.Environment, c.Provider, s.QueryId, q.QueryName, s.RowKey, s.State,
       s.StateSince, DATEDIFF(SECOND, s.StateSince, SYSUTCDATETIME()) AS AgeSeconds,
       s.IsFlapping, s.LastValue, s.LastMessage, s.LastSeenAt
FROM monitoring.AlertStates s
LEFT JOIN monitoring.DatabaseConnections c ON c.ConnectionId = s.ConnectionId
LEFT JOIN monitoring.DatabaseQueries q ON q.QueryId = s.QueryId
WHERE s.State <> N'Ok';
GO

IF OBJECT_ID(N'monitoring.vw_AlertTransitionsPerDay', N'V') IS NOT NULL DROP VIEW monitoring.vw_AlertTransitionsPerDay;
GO
CREATE VIEW monitoring.vw_AlertTransitionsPerDay AS
SELECT CAST(OccurredAt AS DATE) AS OccurredOn, ToState, COUNT(*) AS Transitions, SUM(CASE WHEN Notifies = 1 THEN 1 ELSE 0 END) AS Notified
FROM monitoring.AlertEvents
WHERE Kind = N'StateChanged'
GROUP BY CAST(OccurredAt AS DATE), ToState;
GO

IF OBJECT_ID(N'monitoring.vw_NoisyQueries', N'V') IS NOT NULL DROP VIEW monitoring.vw_NoisyQueries;
GO
CREATE VIEW monitoring.vw_NoisyQueries AS
SELECT e.QueryId, q.QueryName, COUNT(*) AS Transitions, COUNT(DISTINCT e.ConnectionId) AS Connections,
       SUM(CASE WHEN e.Kind = N'FlappingStarted' THEN 1 ELSE 0 END) AS FlappingSpells
FROM monitoring.AlertEvents e
LEFT JOIN monitoring.DatabaseQueries q ON q.QueryId = e.QueryId
WHERE e.OccurredAt >= DATEADD(DAY, -7, SYSUTCDATETIME())
GROUP BY e.QueryId, q.QueryName;
GO
