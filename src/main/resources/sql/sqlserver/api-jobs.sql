-- Jobs, newest first, optionally of one Status, or the one job JobId names.
SELECT JobId, JobType, JobName, Priority, Status, ConnectionId, QueryId, Environment, WorkerInstanceId, ScheduledAt, StartedAt,
       CompletedAt, Attempt, MaxAttempts, NextAttemptAt, LastError, DurationMs, CreatedAt, CreatedBy, ModifiedAt, ModifiedBy
  FROM monitoring.WorkerJobs
 WHERE (CAST(:#Status AS NVARCHAR(400)) IS NULL OR Status = CAST(:#Status AS NVARCHAR(400)))
   AND (CAST(:#JobId AS UNIQUEIDENTIFIER) IS NULL OR JobId = CAST(:#JobId AS UNIQUEIDENTIFIER))
 ORDER BY ScheduledAt DESC
 OFFSET 0 ROWS FETCH NEXT :#Limit ROWS ONLY
