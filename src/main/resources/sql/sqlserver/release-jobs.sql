-- Hands jobs this worker holds back to Pending (drain): any worker may claim them at once. A job that never
-- started gets its attempt back (AttemptsBack = 1); fenced by runner and status like every job update.
UPDATE monitoring.WorkerJobs
   SET Status = N'Pending', WorkerInstanceId = NULL, LeaseExpiresAt = NULL, StartedAt = NULL,
       Attempt = Attempt - :#AttemptsBack, ModifiedAt = SYSUTCDATETIME(), ModifiedBy = SUSER_SNAME()
 WHERE WorkerInstanceId = :#WorkerInstanceId AND Status = N'Running'
   AND JobId IN (:#in:JobIds)
