-- Declares workers Dead when they have not sent a heartbeat for DeadAfterSeconds.
UPDATE monitoring.WorkerInstances
   SET Status = N'Dead', StoppedAt = SYSUTCDATETIME(), ModifiedAt = SYSUTCDATETIME(), ModifiedBy = SUSER_SNAME()
 WHERE Status IN (N'Starting', N'Running', N'Draining')
   AND DATEADD(SECOND, :#DeadAfterSeconds, COALESCE(LastHeartbeatAt, StartedAt)) < SYSUTCDATETIME()
