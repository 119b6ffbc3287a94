-- Retention: removes at most BatchSize (at most 4,000: below SQL Server's lock escalation threshold of 5,000
-- locks) results older than RetentionDays; the route repeats it until a batch comes back short.
DELETE TOP (:#BatchSize) FROM monitoring.DatabaseMonitoringResults
 WHERE ExecutedAt < DATEADD(DAY, -:#RetentionDays, SYSUTCDATETIME())
