-- Fails an attempt: back to Pending after a backoff (any worker may take it), or Failed at MaxAttempts.
-- Fenced by runner and Attempt like complete-job.
UPDATE monitoring.WorkerJobs
   SET Status = CASE WHEN Attempt >= MaxAttempts THEN 'Failed' ELSE 'Pending' END,
       CompletedAt = CASE WHEN Attempt >= MaxAttempts THEN (now() AT TIME ZONE 'UTC') ELSE NULL END,
       NextAttemptAt = CASE WHEN Attempt >= MaxAttempts THEN NULL ELSE (now() AT TIME ZONE 'UTC') + :#BackoffSeconds * INTERVAL '1 second' END,
       WorkerInstanceId = CASE WHEN Attempt >= MaxAttempts THEN WorkerInstanceId ELSE NULL END,
       LeaseExpiresAt = NULL, LastError = :#LastError, DurationMs = :#DurationMs,
       ModifiedAt = (now() AT TIME ZONE 'UTC'), ModifiedBy = current_user
 WHERE JobId = :#JobId AND WorkerInstanceId = :#WorkerInstanceId AND Attempt = :#Attempt AND Status = 'Running'
