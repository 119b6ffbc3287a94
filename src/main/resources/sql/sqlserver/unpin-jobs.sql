-- Frees pending jobs pinned to a worker that is Dead or Stopped, so that any worker may run them.
UPDATE monitoring.WorkerJobs
   SET WorkerInstanceId = NULL, ModifiedAt = SYSUTCDATETIME(), ModifiedBy = SUSER_SNAME()
 WHERE Status = N'Pending'
   AND WorkerInstanceId IN (SELECT WorkerInstanceId FROM monitoring.WorkerInstances WHERE Status IN (N'Dead', N'Stopped'))
