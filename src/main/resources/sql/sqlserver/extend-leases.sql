-- Extends the leases of the jobs this worker is running, so that a long run is not taken over.
UPDATE monitoring.WorkerJobs
   SET LeaseExpiresAt = DATEADD(SECOND, :#LeaseSeconds, SYSUTCDATETIME())
 WHERE WorkerInstanceId = :#WorkerInstanceId AND Status = N'Running'
