-- Retention: removes at most BatchSize finished jobs (Succeeded, Failed, Cancelled) completed more than
-- RetentionDays ago (repeated by the route). Pending and Running jobs are never touched.
DELETE FROM monitoring.WorkerJobs
 WHERE JobId IN (SELECT JobId FROM monitoring.WorkerJobs
                  WHERE Status IN ('Succeeded', 'Failed', 'Cancelled')
                    AND CompletedAt < DATEADD(DAY, -:#RetentionDays, DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP))
                  LIMIT :#BatchSize)
