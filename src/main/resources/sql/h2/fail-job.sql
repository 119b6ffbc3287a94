-- Fails an attempt: back to Pending after a backoff (any worker may take it), or Failed at MaxAttempts.
-- Fenced by runner and Attempt like complete-job.
UPDATE monitoring.WorkerJobs
   SET Status = CASE WHEN Attempt >= MaxAttempts THEN 'Failed' ELSE 'Pending' END,
       CompletedAt = CASE WHEN Attempt >= MaxAttempts THEN CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP) ELSE NULL END,
       NextAttemptAt = CASE WHEN Attempt >= MaxAttempts THEN NULL ELSE DATEADD(SECOND, :#BackoffSeconds, CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP)) END,
       WorkerInstanceId = CASE WHEN Attempt >= MaxAttempts THEN WorkerInstanceId ELSE NULL END,
       LeaseExpiresAt = NULL, LastError = :#LastError, DurationMs = :#DurationMs,
       ModifiedAt = CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP), ModifiedBy = CURRENT_USER
 WHERE JobId = :#JobId AND WorkerInstanceId = :#WorkerInstanceId AND Attempt = :#Attempt AND Status = 'Running'
