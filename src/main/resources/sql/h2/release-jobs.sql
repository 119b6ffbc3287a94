-- Hands jobs this worker holds back to Pending (drain): any worker may claim them at once. A job that never
-- started gets its attempt back (AttemptsBack = 1); fenced by runner and status like every job update.
UPDATE monitoring.WorkerJobs
   SET Status = 'Pending', WorkerInstanceId = NULL, LeaseExpiresAt = NULL, StartedAt = NULL,
       Attempt = Attempt - :#AttemptsBack, ModifiedAt = DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP), ModifiedBy = CURRENT_USER
 WHERE WorkerInstanceId = :#WorkerInstanceId AND Status = 'Running'
   AND JobId IN (:#in:JobIds)
