-- Claims up to BatchSize notifications that are due, oldest first, for LeaseSeconds: another worker takes one up
-- only after that lease, so each change goes out once. An alert's later change waits until its earlier one is
-- sent (or given up), so a receiver never sees a recovery before the problem. UPDLOCK holds the chosen rows,
-- READPAST skips rows other workers hold; OUTPUT may name the joined tables of UPDATE ... FROM.
UPDATE e
   SET NotifyAttempts = e.NotifyAttempts + 1, NextNotifyAt = DATEADD(SECOND, :#LeaseSeconds, SYSUTCDATETIME())
OUTPUT inserted.EventId, inserted.ConnectionId, inserted.QueryId, inserted.RowKey, inserted.Sequence, inserted.Kind, inserted.FromState,
       inserted.ToState, inserted.OccurredAt, inserted.Reason, inserted.ResultValue, inserted.NotifyAttempts,
       conn.ConnectionName, conn.Environment, conn.Provider, q.QueryName,
       DATEDIFF_BIG(SECOND, inserted.OccurredAt, SYSUTCDATETIME()) AS AgeSeconds, prev.PreviousChangeAt
  FROM monitoring.AlertEvents e
  LEFT JOIN monitoring.DatabaseConnections conn ON conn.ConnectionId = e.ConnectionId
  LEFT JOIN monitoring.DatabaseQueries q ON q.QueryId = e.QueryId
 OUTER APPLY (SELECT MAX(p.OccurredAt) AS PreviousChangeAt FROM monitoring.AlertEvents p
               WHERE p.ConnectionId = e.ConnectionId AND p.QueryId = e.QueryId AND p.RowKey = e.RowKey
                 AND p.Sequence < e.Sequence AND p.Kind = N'StateChanged') prev
 WHERE e.EventId IN (SELECT TOP (:#BatchSize) d.EventId FROM monitoring.AlertEvents d WITH (UPDLOCK, READPAST, ROWLOCK)
                      WHERE d.Notifies = 1 AND d.NotifiedAt IS NULL AND d.NextNotifyAt <= SYSUTCDATETIME()
                        AND NOT EXISTS (SELECT 1 FROM monitoring.AlertEvents p
                                         WHERE p.ConnectionId = d.ConnectionId AND p.QueryId = d.QueryId AND p.RowKey = d.RowKey
                                           AND p.Sequence < d.Sequence AND p.Notifies = 1 AND p.NotifiedAt IS NULL AND p.NextNotifyAt IS NOT NULL)
                      ORDER BY d.OccurredAt, d.Sequence);
