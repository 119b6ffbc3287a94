-- Extends the leases of the jobs this worker is running (and knows it is running), so that a long run is not taken over.
UPDATE monitoring.WorkerJobs
   SET LeaseExpiresAt = DATEADD(SECOND, :#LeaseSeconds, DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP))
 WHERE WorkerInstanceId = :#WorkerInstanceId AND Status = 'Running'
   AND JobId IN (:#in:JobIds)
