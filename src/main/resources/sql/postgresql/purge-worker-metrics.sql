-- Retention: removes at most BatchSize WorkerMetrics rows older than RetentionDays (repeated by the route).
DELETE FROM monitoring.WorkerMetrics
 WHERE MetricId IN (SELECT MetricId FROM monitoring.WorkerMetrics
                     WHERE RecordedAt < (now() AT TIME ZONE 'UTC') - :#RetentionDays * INTERVAL '1 day'
                     LIMIT :#BatchSize)
