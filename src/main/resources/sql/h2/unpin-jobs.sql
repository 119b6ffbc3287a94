-- Frees pending jobs pinned to a worker that is Dead or Stopped, so that any worker may run them.
UPDATE monitoring.WorkerJobs
   SET WorkerInstanceId = NULL, ModifiedAt = DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP), ModifiedBy = CURRENT_USER
 WHERE Status = 'Pending'
   AND WorkerInstanceId IN (SELECT WorkerInstanceId FROM monitoring.WorkerInstances WHERE Status IN ('Dead', 'Stopped'))
