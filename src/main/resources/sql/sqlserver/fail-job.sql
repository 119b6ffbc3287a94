-- Fails an attempt: back to Pending after a backoff (any worker may take it), or Failed at MaxAttempts.
-- Fenced by runner and Attempt like complete-job.
UPDATE monitoring.WorkerJobs
   SET Status = CASE WHEN Attempt >= MaxAttempts THEN N'Failed' ELSE N'Pending' END,
       CompletedAt = CASE WHEN Attempt >= MaxAttempts THEN SYSUTCDATETIME() ELSE NULL END,
       NextAttemptAt = CASE WHEN Attempt >= MaxAttempts THEN NULL ELSE DATEADD(SECOND, :#BackoffSeconds, SYSUTCDATETIME()) END,
       WorkerInstanceId = CASE WHEN Attempt >= MaxAttempts THEN WorkerInstanceId ELSE NULL END,
       LeaseExpiresAt = NULL, LastError = :#LastError, DurationMs = :#DurationMs,
       ModifiedAt = SYSUTCDATETIME(), ModifiedBy = SUSER_SNAME()
 WHERE JobId = :#JobId AND WorkerInstanceId = :#WorkerInstanceId AND Attempt = :#Attempt AND Status = N'Running'
