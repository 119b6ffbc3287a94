-- Returns jobs whose lease expired (their worker died or hung) to Pending, or Failed at MaxAttempts.
UPDATE monitoring.WorkerJobs
   SET Status = CASE WHEN Attempt >= MaxAttempts THEN N'Failed' ELSE N'Pending' END,
       CompletedAt = CASE WHEN Attempt >= MaxAttempts THEN SYSUTCDATETIME() ELSE NULL END,
       LastError = CONCAT(N'attempt ', Attempt, N' of ', MaxAttempts, N': lease expired while running on worker ', WorkerInstanceId),
       WorkerInstanceId = CASE WHEN Attempt >= MaxAttempts THEN WorkerInstanceId ELSE NULL END,
       LeaseExpiresAt = NULL, NextAttemptAt = NULL,
       ModifiedAt = SYSUTCDATETIME(), ModifiedBy = SUSER_SNAME()
 WHERE Status = N'Running' AND LeaseExpiresAt < SYSUTCDATETIME()
