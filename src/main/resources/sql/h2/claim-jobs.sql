-- Claims up to BatchSize due jobs in one statement, most urgent first, and leases them to this worker.
-- FINAL TABLE returns the claimed rows as updated; SKIP LOCKED skips rows another session holds.
SELECT * FROM FINAL TABLE (
UPDATE monitoring.WorkerJobs
   SET Status = 'Running', WorkerInstanceId = :#WorkerInstanceId, Attempt = Attempt + 1,
       StartedAt = CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP), CompletedAt = NULL, LeaseExpiresAt = DATEADD(SECOND, :#LeaseSeconds, CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP)),
       ModifiedAt = CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP), ModifiedBy = CURRENT_USER
 WHERE Status = 'Pending'
   AND JobId IN (SELECT JobId FROM monitoring.WorkerJobs
                  WHERE Status = 'Pending' AND ScheduledAt <= CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP)
                      AND (NextAttemptAt IS NULL OR NextAttemptAt <= CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP))
                      AND (WorkerInstanceId IS NULL OR WorkerInstanceId = :#WorkerInstanceId)
                  ORDER BY Priority, ScheduledAt
                  LIMIT :#BatchSize
                  FOR UPDATE SKIP LOCKED))
