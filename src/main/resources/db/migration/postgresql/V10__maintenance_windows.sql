-- Maintenance windows and silences: while one covers an alert, its changes are recorded but not sent; when it ends,
-- the last held change of each alert still in that problem state is sent once. A window names an Environment, a
-- connection and/or a query (each NULL: any), once (StartsAt..EndsAt) or recurring (a Quartz Cron in TimeZone,
-- each occurrence DurationMinutes long, from StartsAt until EndsAt if set). A silence (Kind 'Silence') names one
-- alert: connection, query and RowKey, until EndsAt. Times are UTC.
CREATE TABLE IF NOT EXISTS monitoring.MaintenanceWindows (
    WindowId         UUID          NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    Kind             VARCHAR(20)   NOT NULL DEFAULT 'Maintenance',
    Environment      VARCHAR(50),
    ConnectionId     UUID,
    QueryId          UUID,
    RowKey           VARCHAR(400),
    StartsAt         TIMESTAMP     NOT NULL,
    EndsAt           TIMESTAMP,
    Cron             VARCHAR(120),
    DurationMinutes  INTEGER,
    TimeZone         VARCHAR(64),
    Reason           VARCHAR(1000) NOT NULL,
    CreatedBy        VARCHAR(128)  NOT NULL,
    CreatedAt        TIMESTAMP     NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
    CancelledAt      TIMESTAMP,
    CancelledBy      VARCHAR(128),
    LastEndHandledAt TIMESTAMP,
    CONSTRAINT CK_MaintenanceWindows_Kind CHECK (Kind IN ('Maintenance', 'Silence'))
);

-- Who changed what through the API, newest last.
CREATE TABLE IF NOT EXISTS monitoring.AuditLog (
    AuditId     UUID          NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    OccurredAt  TIMESTAMP     NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
    UserName    VARCHAR(128)  NOT NULL,
    Action      VARCHAR(50)   NOT NULL,
    Subject     VARCHAR(200),
    Details     VARCHAR(4000)
);
CREATE INDEX IF NOT EXISTS IX_AuditLog_OccurredAt ON monitoring.AuditLog (OccurredAt);

-- The window or silence that held an alert change back (its Notifies is then false until the window ends).
ALTER TABLE monitoring.AlertEvents ADD COLUMN IF NOT EXISTS HeldBy UUID;
