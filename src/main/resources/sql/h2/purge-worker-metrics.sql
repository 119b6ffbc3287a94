-- Retention: removes at most BatchSize WorkerMetrics rows older than RetentionDays (repeated by the route).
DELETE FROM monitoring.WorkerMetrics
 WHERE MetricId IN (SELECT MetricId FROM monitoring.WorkerMetrics
                     WHERE RecordedAt < DATEADD(DAY, -:#RetentionDays, DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP))
                     LIMIT :#BatchSize)
