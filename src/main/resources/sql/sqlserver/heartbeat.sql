-- Records that this worker is alive; a worker the reaper declared Dead comes back as Running.
UPDATE monitoring.WorkerInstances
   SET LastHeartbeatAt = SYSUTCDATETIME(),
       Status = CASE WHEN Status IN (N'Starting', N'Dead') THEN N'Running' ELSE Status END,
       ModifiedAt = SYSUTCDATETIME(), ModifiedBy = SUSER_SNAME()
 WHERE WorkerInstanceId = :#WorkerInstanceId
