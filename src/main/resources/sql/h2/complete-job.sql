-- Completes a job; fenced by runner and Attempt, so a worker that lost its lease changes nothing.
UPDATE monitoring.WorkerJobs
   SET Status = 'Succeeded', CompletedAt = CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP), LeaseExpiresAt = NULL,
       ResultSummary = :#ResultSummary, DurationMs = :#DurationMs,
       ModifiedAt = CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP), ModifiedBy = CURRENT_USER
 WHERE JobId = :#JobId AND WorkerInstanceId = :#WorkerInstanceId AND Attempt = :#Attempt AND Status = 'Running'
