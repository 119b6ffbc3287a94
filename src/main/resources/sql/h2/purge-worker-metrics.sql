-- Retention: removes at most BatchSize WorkerMetrics rows older than RetentionDays (repeated by the route).
DELETE FROM monitoring.WorkerMetrics
 WHERE MetricId IN (SELECT MetricId FROM monitoring.WorkerMetrics
                     WHERE RecordedAt < DATEADD(DAY, -:#RetentionDays, CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP))
                     LIMIT :#BatchSize)
