-- Extends the leases of the jobs this worker is running (and knows it is running), so that a long run is not taken over.
-- Rows locked right now are skipped, not waited for: their outcome is being written, and waiting could deadlock
-- with that write.
UPDATE monitoring.WorkerJobs WITH (ROWLOCK, READPAST)
   SET LeaseExpiresAt = DATEADD(SECOND, :#LeaseSeconds, SYSUTCDATETIME())
 WHERE WorkerInstanceId = :#WorkerInstanceId AND Status = N'Running'
   AND JobId IN (:#in:JobIds)
