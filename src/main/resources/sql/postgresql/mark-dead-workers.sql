-- Declares workers Dead when they have not sent a heartbeat for DeadAfterSeconds.
UPDATE monitoring.WorkerInstances
   SET Status = 'Dead', StoppedAt = (now() AT TIME ZONE 'UTC'), ModifiedAt = (now() AT TIME ZONE 'UTC'), ModifiedBy = current_user
 WHERE Status IN ('Starting', 'Running', 'Draining')
   AND COALESCE(LastHeartbeatAt, StartedAt) + :#DeadAfterSeconds * INTERVAL '1 second' < (now() AT TIME ZONE 'UTC')
