-- Extends the leases of the jobs this worker is running (and knows it is running), so that a long run is not taken over.
UPDATE monitoring.WorkerJobs
   SET LeaseExpiresAt = DATEADD(SECOND, :#LeaseSeconds, CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP))
 WHERE WorkerInstanceId = :#WorkerInstanceId AND Status = 'Running'
   AND JobId IN (:#in:JobIds)
