-- Retention: removes at most BatchSize WorkerMetrics rows older than RetentionDays (repeated by the route).
DELETE TOP (:#BatchSize) FROM monitoring.WorkerMetrics
 WHERE RecordedAt < DATEADD(DAY, -:#RetentionDays, SYSUTCDATETIME())
