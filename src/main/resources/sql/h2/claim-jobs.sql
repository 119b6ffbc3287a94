-- Claims up to BatchSize due jobs in one statement, most urgent first, and leases them to this worker.
-- FINAL TABLE returns the claimed rows as updated; SKIP LOCKED skips rows another session holds.
SELECT JobId, JobName, JobType, Priority, ConnectionId, QueryId, Environment, Parameters, WorkerInstanceId, Attempt, MaxAttempts, Status, LeaseExpiresAt FROM FINAL TABLE (
UPDATE monitoring.WorkerJobs
   SET Status = 'Running', WorkerInstanceId = :#WorkerInstanceId, Attempt = Attempt + 1,
       StartedAt = DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP), CompletedAt = NULL, LeaseExpiresAt = DATEADD(SECOND, :#LeaseSeconds, DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)),
       ModifiedAt = DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP), ModifiedBy = CURRENT_USER
 WHERE Status = 'Pending'
   AND JobId IN (SELECT JobId FROM monitoring.WorkerJobs
                  WHERE Status = 'Pending' AND ScheduledAt <= DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)
                      AND (NextAttemptAt IS NULL OR NextAttemptAt <= DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP))
                      AND (WorkerInstanceId IS NULL OR WorkerInstanceId = :#WorkerInstanceId)
                  ORDER BY Priority, ScheduledAt
                  LIMIT :#BatchSize
                  FOR UPDATE SKIP LOCKED))
