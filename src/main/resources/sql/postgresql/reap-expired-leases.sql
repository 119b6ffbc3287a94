-- Returns jobs whose lease expired (their worker died or hung) to Pending, or Failed at MaxAttempts.
UPDATE monitoring.WorkerJobs
   SET Status = CASE WHEN Attempt >= MaxAttempts THEN 'Failed' ELSE 'Pending' END,
       CompletedAt = CASE WHEN Attempt >= MaxAttempts THEN (now() AT TIME ZONE 'UTC') ELSE NULL END,
       LastError = CONCAT('attempt ', Attempt, ' of ', MaxAttempts, ': lease expired while running on worker ', WorkerInstanceId),
       WorkerInstanceId = CASE WHEN Attempt >= MaxAttempts THEN WorkerInstanceId ELSE NULL END,
       LeaseExpiresAt = NULL, NextAttemptAt = NULL,
       ModifiedAt = (now() AT TIME ZONE 'UTC'), ModifiedBy = current_user
 WHERE Status = 'Running' AND LeaseExpiresAt < (now() AT TIME ZONE 'UTC')
