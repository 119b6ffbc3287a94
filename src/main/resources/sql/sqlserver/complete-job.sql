-- Completes a job; fenced by runner and Attempt, so a worker that lost its lease changes nothing.
UPDATE monitoring.WorkerJobs
   SET Status = N'Succeeded', CompletedAt = SYSUTCDATETIME(), LeaseExpiresAt = NULL,
       ResultSummary = :#ResultSummary, DurationMs = :#DurationMs,
       ModifiedAt = SYSUTCDATETIME(), ModifiedBy = SUSER_SNAME()
 WHERE JobId = :#JobId AND WorkerInstanceId = :#WorkerInstanceId AND Attempt = :#Attempt AND Status = N'Running'
