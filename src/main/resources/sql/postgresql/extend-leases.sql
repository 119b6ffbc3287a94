-- Extends the leases of the jobs this worker is running (and knows it is running), so that a long run is not taken over.
UPDATE monitoring.WorkerJobs
   SET LeaseExpiresAt = (now() AT TIME ZONE 'UTC') + :#LeaseSeconds * INTERVAL '1 second'
 WHERE WorkerInstanceId = :#WorkerInstanceId AND Status = 'Running'
   AND JobId IN (:#in:JobIds)
