-- Workers with the age of their last heartbeat and their running jobs.
SELECT WorkerInstanceId, WorkerName, MachineName, Version, Environment, Status, StartedAt, LastHeartbeatAt, StoppedAt,
       HeartbeatAgeSeconds, RunningJobs
  FROM monitoring.vw_WorkerHealth
 ORDER BY Status, WorkerName
