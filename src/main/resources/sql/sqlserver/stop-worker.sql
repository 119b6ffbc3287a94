-- Marks this worker Stopped at shutdown.
UPDATE monitoring.WorkerInstances
   SET Status = N'Stopped', StoppedAt = SYSUTCDATETIME(), ModifiedAt = SYSUTCDATETIME(), ModifiedBy = SUSER_SNAME()
 WHERE WorkerInstanceId = :#WorkerInstanceId
