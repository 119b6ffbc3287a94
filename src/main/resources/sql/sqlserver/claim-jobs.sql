-- Claims up to BatchSize due jobs in one statement, most urgent first, and leases them to this worker.
-- The subquery picks the rows: UPDLOCK holds them until the update, READPAST skips rows other workers hold
-- (no waiting), ROWLOCK keeps the locks on rows. The UPDATE names the table itself (SQL Server 2016 and later,
-- and engines that cannot update through a CTE), and OUTPUT returns the claimed rows as they now are.
UPDATE monitoring.WorkerJobs
   SET Status = N'Running', WorkerInstanceId = :#WorkerInstanceId, Attempt = Attempt + 1,
       StartedAt = SYSUTCDATETIME(), CompletedAt = NULL, LeaseExpiresAt = DATEADD(SECOND, :#LeaseSeconds, SYSUTCDATETIME()),
       ModifiedAt = SYSUTCDATETIME(), ModifiedBy = SUSER_SNAME()
OUTPUT inserted.JobId, inserted.JobName, inserted.JobType, inserted.Priority, inserted.ConnectionId, inserted.QueryId, inserted.Environment, inserted.Parameters, inserted.WorkerInstanceId, inserted.Attempt, inserted.MaxAttempts, inserted.Status, inserted.LeaseExpiresAt
 WHERE JobId IN (SELECT TOP (:#BatchSize) d.JobId
                   FROM monitoring.WorkerJobs d WITH (UPDLOCK, READPAST, ROWLOCK)
                  WHERE d.Status = N'Pending' AND d.ScheduledAt <= SYSUTCDATETIME()
                    AND (d.NextAttemptAt IS NULL OR d.NextAttemptAt <= SYSUTCDATETIME())
                    AND (d.WorkerInstanceId IS NULL OR d.WorkerInstanceId = :#WorkerInstanceId)
                  ORDER BY d.Priority, d.ScheduledAt)
   AND Status = N'Pending';
