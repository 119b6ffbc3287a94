-- Declares workers Dead when they have not sent a heartbeat for DeadAfterSeconds.
UPDATE monitoring.WorkerInstances
   SET Status = 'Dead', StoppedAt = CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP), ModifiedAt = CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP), ModifiedBy = CURRENT_USER
 WHERE Status IN ('Starting', 'Running', 'Draining')
   AND DATEADD(SECOND, :#DeadAfterSeconds, COALESCE(LastHeartbeatAt, StartedAt)) < CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP)
