-- Maintenance windows and silences: while one covers an alert, its changes are recorded but not sent; when it ends,
-- the last held change of each alert still in that problem state is sent once. A window names an Environment, a
-- connection and/or a query (each NULL: any), once (StartsAt..EndsAt) or recurring (a Quartz Cron in TimeZone,
-- each occurrence DurationMinutes long, from StartsAt until EndsAt if set). A silence (Kind 'Silence') names one
-- alert: connection, query and RowKey, until EndsAt. Times are UTC.
IF OBJECT_ID(N'monitoring.MaintenanceWindows', N'U') IS NULL
    CREATE TABLE monitoring.MaintenanceWindows (
        WindowId         UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_MaintenanceWindows PRIMARY KEY CONSTRAINT DF_MaintenanceWindows_WindowId DEFAULT NEWID(),
        Kind             NVARCHAR(20)     NOT NULL CONSTRAINT DF_MaintenanceWindows_Kind DEFAULT N'Maintenance',
        Environment      NVARCHAR(50)     NULL,
        ConnectionId     UNIQUEIDENTIFIER NULL,
        QueryId          UNIQUEIDENTIFIER NULL,
        RowKey           NVARCHAR(400)    NULL,
        StartsAt         DATETIME2        NOT NULL,
        EndsAt           DATETIME2        NULL,
        Cron             NVARCHAR(120)    NULL,
        DurationMinutes  INT              NULL,
        TimeZone         NVARCHAR(64)     NULL,
        Reason           NVARCHAR(1000)   NOT NULL,
        CreatedBy        NVARCHAR(128)    NOT NULL,
        CreatedAt        DATETIME2        NOT NULL CONSTRAINT DF_MaintenanceWindows_CreatedAt DEFAULT SYSUTCDATETIME(),
        CancelledAt      DATETIME2        NULL,
        CancelledBy      NVARCHAR(128)    NULL,
        LastEndHandledAt DATETIME2        NULL,
        CONSTRAINT CK_MaintenanceWindows_Kind CHECK (Kind IN (N'Maintenance', N'Silence'))
    );

-- Who changed what through the API, newest last.
IF OBJECT_ID(N'monitoring.AuditLog', N'U') IS NULL
    CREATE TABLE monitoring.AuditLog (
        AuditId     UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_AuditLog PRIMARY KEY CONSTRAINT DF_AuditLog_AuditId DEFAULT NEWID(),
        OccurredAt  DATETIME2        NOT NULL CONSTRAINT DF_AuditLog_OccurredAt DEFAULT SYSUTCDATETIME(),
        UserName    NVARCHAR(128)    NOT NULL,
        Action      NVARCHAR(50)     NOT NULL,
        Subject     NVARCHAR(200)    NULL,
        Details     NVARCHAR(4000)   NULL
    );
-- looked up by its name or the TDS engine's (see V1)
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'monitoring.AuditLog')
                AND (name = N'IX_AuditLog_OccurredAt' OR name LIKE N'ix[_]auditlog[_]occurredatauditlog' + REPLICATE(N'[0-9a-f]', 32)))
    CREATE INDEX IX_AuditLog_OccurredAt ON monitoring.AuditLog (OccurredAt);

-- The window or silence that held an alert change back (its Notifies is then false until the window ends).
IF COL_LENGTH(N'monitoring.AlertEvents', N'HeldBy') IS NULL ALTER TABLE monitoring.AlertEvents ADD HeldBy UNIQUEIDENTIFIER NULL;
