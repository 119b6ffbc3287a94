-- Retention: removes at most BatchSize finished jobs (Succeeded, Failed, Cancelled) completed more than
-- RetentionDays ago (repeated by the route). Pending and Running jobs are never touched.
DELETE FROM monitoring.WorkerJobs
 WHERE JobId IN (SELECT JobId FROM monitoring.WorkerJobs
                  WHERE Status IN ('Succeeded', 'Failed', 'Cancelled')
                    AND CompletedAt < (now() AT TIME ZONE 'UTC') - :#RetentionDays * INTERVAL '1 day'
                  LIMIT :#BatchSize)
