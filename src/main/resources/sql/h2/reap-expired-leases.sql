-- Returns jobs whose lease expired (their worker died or hung) to Pending, or Failed at MaxAttempts.
UPDATE monitoring.WorkerJobs
   SET Status = CASE WHEN Attempt >= MaxAttempts THEN 'Failed' ELSE 'Pending' END,
       CompletedAt = CASE WHEN Attempt >= MaxAttempts THEN DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP) ELSE NULL END,
       LastError = CONCAT('attempt ', Attempt, ' of ', MaxAttempts, ': lease expired while running on worker ', WorkerInstanceId),
       WorkerInstanceId = CASE WHEN Attempt >= MaxAttempts THEN WorkerInstanceId ELSE NULL END,
       LeaseExpiresAt = NULL, NextAttemptAt = NULL,
       ModifiedAt = DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP), ModifiedBy = CURRENT_USER
 WHERE Status = 'Running' AND LeaseExpiresAt < DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)
