-- Frees pending jobs pinned to a worker that is Dead or Stopped, so that any worker may run them.
UPDATE monitoring.WorkerJobs
   SET WorkerInstanceId = NULL, ModifiedAt = CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP), ModifiedBy = CURRENT_USER
 WHERE Status = 'Pending'
   AND WorkerInstanceId IN (SELECT WorkerInstanceId FROM monitoring.WorkerInstances WHERE Status IN ('Dead', 'Stopped'))
