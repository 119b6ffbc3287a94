-- Records that this worker is alive; a worker the reaper declared Dead comes back as Running.
UPDATE monitoring.WorkerInstances
   SET LastHeartbeatAt = CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP),
       Status = CASE WHEN Status IN ('Starting', 'Dead') THEN 'Running' ELSE Status END,
       ModifiedAt = CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP), ModifiedBy = CURRENT_USER
 WHERE WorkerInstanceId = :#WorkerInstanceId
