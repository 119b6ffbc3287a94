-- Completes a job; fenced by runner and Attempt, so a worker that lost its lease changes nothing.
UPDATE monitoring.WorkerJobs
   SET Status = 'Succeeded', CompletedAt = (now() AT TIME ZONE 'UTC'), LeaseExpiresAt = NULL,
       ResultSummary = :#ResultSummary, DurationMs = :#DurationMs,
       ModifiedAt = (now() AT TIME ZONE 'UTC'), ModifiedBy = current_user
 WHERE JobId = :#JobId AND WorkerInstanceId = :#WorkerInstanceId AND Attempt = :#Attempt AND Status = 'Running'
