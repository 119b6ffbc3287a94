-- Retention: removes at most BatchSize finished jobs completed more than RetentionDays ago (repeated by the
-- route). Pending and Running jobs are never touched.
DELETE TOP (:#BatchSize) FROM monitoring.WorkerJobs
 WHERE Status IN (N'Succeeded', N'Failed', N'Cancelled')
   AND CompletedAt < DATEADD(DAY, -:#RetentionDays, SYSUTCDATETIME())
