-- Marks this worker Stopped at shutdown.
UPDATE monitoring.WorkerInstances
   SET Status = 'Stopped', StoppedAt = CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP), ModifiedAt = CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP), ModifiedBy = CURRENT_USER
 WHERE WorkerInstanceId = :#WorkerInstanceId
