-- Claims up to BatchSize due jobs in one statement, most urgent first, and leases them to this worker.
-- UPDLOCK holds the chosen rows until the update, READPAST skips rows other workers hold (no waiting),
-- ROWLOCK keeps the locks on rows. UPDATE TOP cannot take ORDER BY, so TOP + ORDER BY sit in the CTE.
WITH due AS (
    SELECT TOP (:#BatchSize) *
      FROM monitoring.WorkerJobs WITH (UPDLOCK, READPAST, ROWLOCK)
     WHERE Status = N'Pending' AND ScheduledAt <= SYSUTCDATETIME()
                      AND (NextAttemptAt IS NULL OR NextAttemptAt <= SYSUTCDATETIME())
                      AND (WorkerInstanceId IS NULL OR WorkerInstanceId = :#WorkerInstanceId)
     ORDER BY Priority, ScheduledAt)
UPDATE due
   SET Status = N'Running', WorkerInstanceId = :#WorkerInstanceId, Attempt = Attempt + 1,
       StartedAt = SYSUTCDATETIME(), CompletedAt = NULL, LeaseExpiresAt = DATEADD(SECOND, :#LeaseSeconds, SYSUTCDATETIME()),
       ModifiedAt = SYSUTCDATETIME(), ModifiedBy = SUSER_SNAME()
OUTPUT inserted.*;
