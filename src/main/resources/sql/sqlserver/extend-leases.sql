-- Extends the leases of the jobs this worker is running (and knows it is running), so that a long run is not taken over.
UPDATE monitoring.WorkerJobs
   SET LeaseExpiresAt = DATEADD(SECOND, :#LeaseSeconds, SYSUTCDATETIME())
 WHERE WorkerInstanceId = :#WorkerInstanceId AND Status = N'Running'
   AND JobId IN (:#in:JobIds)
