-- Retention: removes at most BatchSize counter readings older than RetentionDays (keys no longer returned) or whose
-- connection or query was deleted; a counter read again later starts with a first reading.
DELETE FROM monitoring.CounterSamples
 WHERE (ConnectionId, QueryId, RowKey) IN (
        SELECT o.ConnectionId, o.QueryId, o.RowKey FROM monitoring.CounterSamples o
         WHERE o.SampledAtMs < :#CutoffEpochMs
            OR NOT EXISTS (SELECT 1 FROM monitoring.DatabaseConnections c WHERE c.ConnectionId = o.ConnectionId)
            OR NOT EXISTS (SELECT 1 FROM monitoring.DatabaseQueries q WHERE q.QueryId = o.QueryId)
         LIMIT :#BatchSize)
