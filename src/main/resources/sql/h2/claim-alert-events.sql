-- Claims up to BatchSize notifications that are due, oldest first, for LeaseSeconds: another worker takes one up
-- only after that lease, so each change goes out once. An alert's later change waits until its earlier one is
-- sent (or given up), so a receiver never sees a recovery before the problem. SKIP LOCKED: no worker waits.
SELECT c.EventId, c.ConnectionId, c.QueryId, c.RowKey, c.Sequence, c.Kind, c.FromState, c.ToState, c.OccurredAt, c.Reason,
       c.ResultValue, c.NotifyAttempts, conn.ConnectionName, conn.Environment, conn.Provider, q.QueryName,
       DATEDIFF(SECOND, c.OccurredAt, DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)) AS AgeSeconds,
       (SELECT MAX(p.OccurredAt) FROM monitoring.AlertEvents p
         WHERE p.ConnectionId = c.ConnectionId AND p.QueryId = c.QueryId AND p.RowKey = c.RowKey
           AND p.Sequence < c.Sequence AND p.Kind = 'StateChanged') AS PreviousChangeAt
  FROM FINAL TABLE (
UPDATE monitoring.AlertEvents
   SET NotifyAttempts = NotifyAttempts + 1, NextNotifyAt = DATEADD(SECOND, :#LeaseSeconds, DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP))
 WHERE NotifiedAt IS NULL
   AND EventId IN (SELECT e.EventId FROM monitoring.AlertEvents e
                    WHERE e.Notifies AND e.NotifiedAt IS NULL AND e.NextNotifyAt <= DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)
                      AND NOT EXISTS (SELECT 1 FROM monitoring.AlertEvents p
                                       WHERE p.ConnectionId = e.ConnectionId AND p.QueryId = e.QueryId AND p.RowKey = e.RowKey
                                         AND p.Sequence < e.Sequence AND p.Notifies AND p.NotifiedAt IS NULL AND p.NextNotifyAt IS NOT NULL)
                    ORDER BY e.OccurredAt, e.Sequence
                    LIMIT :#BatchSize
                    FOR UPDATE SKIP LOCKED)) c
  LEFT JOIN monitoring.DatabaseConnections conn ON conn.ConnectionId = c.ConnectionId
  LEFT JOIN monitoring.DatabaseQueries q ON q.QueryId = c.QueryId
 ORDER BY c.OccurredAt, c.Sequence
