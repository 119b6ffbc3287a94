-- Retention: removes at most BatchSize counter readings older than RetentionDays (keys no longer returned) or whose
-- connection or query was deleted; a counter read again later starts with a first reading.
DELETE TOP (:#BatchSize) FROM monitoring.CounterSamples
 WHERE SampledAtMs < :#CutoffEpochMs
    OR NOT EXISTS (SELECT 1 FROM monitoring.DatabaseConnections c WHERE c.ConnectionId = CounterSamples.ConnectionId)
    OR NOT EXISTS (SELECT 1 FROM monitoring.DatabaseQueries q WHERE q.QueryId = CounterSamples.QueryId)
