-- Completes a job; fenced by runner and Attempt, so a worker that lost its lease changes nothing.
UPDATE monitoring.WorkerJobs
   SET Status = 'Succeeded', CompletedAt = DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP), LeaseExpiresAt = NULL,
       ResultSummary = :#ResultSummary, DurationMs = :#DurationMs,
       ModifiedAt = DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP), ModifiedBy = CURRENT_USER
 WHERE JobId = :#JobId AND WorkerInstanceId = :#WorkerInstanceId AND Attempt = :#Attempt AND Status = 'Running'
