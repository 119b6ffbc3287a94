-- Returns jobs whose lease expired (their worker died or hung) to Pending, or Failed at MaxAttempts.
UPDATE monitoring.WorkerJobs
   SET Status = CASE WHEN Attempt >= MaxAttempts THEN 'Failed' ELSE 'Pending' END,
       CompletedAt = CASE WHEN Attempt >= MaxAttempts THEN CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP) ELSE NULL END,
       LastError = CONCAT('attempt ', Attempt, ' of ', MaxAttempts, ': lease expired while running on worker ', WorkerInstanceId),
       WorkerInstanceId = CASE WHEN Attempt >= MaxAttempts THEN WorkerInstanceId ELSE NULL END,
       LeaseExpiresAt = NULL, NextAttemptAt = NULL,
       ModifiedAt = CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP), ModifiedBy = CURRENT_USER
 WHERE Status = 'Running' AND LeaseExpiresAt < CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP)
