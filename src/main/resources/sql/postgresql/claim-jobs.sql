-- Claims up to BatchSize due jobs in one statement, most urgent first, and leases them to this worker.
-- SKIP LOCKED lets any number of workers claim side by side without waiting for or taking each other's rows.
UPDATE monitoring.WorkerJobs
   SET Status = 'Running', WorkerInstanceId = :#WorkerInstanceId, Attempt = Attempt + 1,
       StartedAt = (now() AT TIME ZONE 'UTC'), CompletedAt = NULL, LeaseExpiresAt = (now() AT TIME ZONE 'UTC') + :#LeaseSeconds * INTERVAL '1 second',
       ModifiedAt = (now() AT TIME ZONE 'UTC'), ModifiedBy = current_user
 WHERE JobId IN (SELECT JobId FROM monitoring.WorkerJobs
                  WHERE Status = 'Pending' AND ScheduledAt <= (now() AT TIME ZONE 'UTC')
                      AND (NextAttemptAt IS NULL OR NextAttemptAt <= (now() AT TIME ZONE 'UTC'))
                      AND (WorkerInstanceId IS NULL OR WorkerInstanceId = :#WorkerInstanceId)
                  ORDER BY Priority, ScheduledAt
                  LIMIT :#BatchSize
                  FOR UPDATE SKIP LOCKED)
-- only what a claimed job is planned and fenced with: the job's other columns are not read here
RETURNING JobId, JobName, JobType, Priority, ConnectionId, QueryId, Environment, Parameters, WorkerInstanceId, Attempt, MaxAttempts, Status, LeaseExpiresAt
