-- Claims up to BatchSize notifications that are due, oldest first, for LeaseSeconds: another worker takes one up
-- only after that lease, so each change goes out once. An alert's later change waits until its earlier one is
-- sent (or given up), so a receiver never sees a recovery before the problem. UPDLOCK holds the chosen rows,
-- READPAST skips rows other workers hold. OUTPUT returns the claimed rows' own columns into a table variable;
-- names and the previous change are read from it afterwards, in the same batch (one round trip). NOCOUNT is on
-- only within this batch, so that its one answer is the final SELECT; it is switched off again for the pooled session.
SET NOCOUNT ON;
DECLARE @claimed TABLE (EventId UNIQUEIDENTIFIER PRIMARY KEY, ConnectionId UNIQUEIDENTIFIER, QueryId UNIQUEIDENTIFIER,
                        RowKey NVARCHAR(400), Sequence BIGINT, Kind NVARCHAR(30), FromState NVARCHAR(20), ToState NVARCHAR(20),
                        OccurredAt DATETIME2, Reason NVARCHAR(4000), ResultValue FLOAT, NotifyAttempts INT);
UPDATE monitoring.AlertEvents
   SET NotifyAttempts = NotifyAttempts + 1, NextNotifyAt = DATEADD(SECOND, :#LeaseSeconds, SYSUTCDATETIME())
OUTPUT inserted.EventId, inserted.ConnectionId, inserted.QueryId, inserted.RowKey, inserted.Sequence, inserted.Kind,
       inserted.FromState, inserted.ToState, inserted.OccurredAt, inserted.Reason, inserted.ResultValue, inserted.NotifyAttempts
  INTO @claimed
 WHERE EventId IN (SELECT TOP (:#BatchSize) d.EventId FROM monitoring.AlertEvents d WITH (UPDLOCK, READPAST, ROWLOCK)
                    WHERE d.Notifies = 1 AND d.NotifiedAt IS NULL AND d.NextNotifyAt <= SYSUTCDATETIME()
                      AND NOT EXISTS (SELECT 1 FROM monitoring.AlertEvents p
                                       WHERE p.ConnectionId = d.ConnectionId AND p.QueryId = d.QueryId AND p.RowKey = d.RowKey
                                         AND p.Sequence < d.Sequence AND p.Notifies = 1 AND p.NotifiedAt IS NULL AND p.NextNotifyAt IS NOT NULL)
                    ORDER BY d.OccurredAt, d.Sequence);
SELECT c.EventId, c.ConnectionId, c.QueryId, c.RowKey, c.Sequence, c.Kind, c.FromState, c.ToState, c.OccurredAt, c.Reason,
       c.ResultValue, c.NotifyAttempts, conn.ConnectionName, conn.Environment, conn.Provider, q.QueryName,
       DATEDIFF_BIG(SECOND, c.OccurredAt, SYSUTCDATETIME()) AS AgeSeconds,
       (SELECT MAX(p.OccurredAt) FROM monitoring.AlertEvents p
         WHERE p.ConnectionId = c.ConnectionId AND p.QueryId = c.QueryId AND p.RowKey = c.RowKey
           AND p.Sequence < c.Sequence AND p.Kind = N'StateChanged') AS PreviousChangeAt
  FROM @claimed c
  LEFT JOIN monitoring.DatabaseConnections conn ON conn.ConnectionId = c.ConnectionId
  LEFT JOIN monitoring.DatabaseQueries q ON q.QueryId = c.QueryId
 ORDER BY c.OccurredAt, c.Sequence;
SET NOCOUNT OFF;
