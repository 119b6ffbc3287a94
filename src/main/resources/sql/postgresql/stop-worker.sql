-- Marks this worker Stopped at shutdown.
UPDATE monitoring.WorkerInstances
   SET Status = 'Stopped', StoppedAt = (now() AT TIME ZONE 'UTC'), ModifiedAt = (now() AT TIME ZONE 'UTC'), ModifiedBy = current_user
 WHERE WorkerInstanceId = :#WorkerInstanceId
