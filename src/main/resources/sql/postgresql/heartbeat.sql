-- Records that this worker is alive; a worker the reaper declared Dead comes back as Running.
UPDATE monitoring.WorkerInstances
   SET LastHeartbeatAt = (now() AT TIME ZONE 'UTC'),
       Status = CASE WHEN Status IN ('Starting', 'Dead') THEN 'Running' ELSE Status END,
       ModifiedAt = (now() AT TIME ZONE 'UTC'), ModifiedBy = current_user
 WHERE WorkerInstanceId = :#WorkerInstanceId
