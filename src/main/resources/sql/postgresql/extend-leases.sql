-- Extends the leases of the jobs this worker is running (and knows it is running), so that a long run is not taken over.
-- Rows locked right now are skipped, not waited for: their outcome is being written, and waiting could deadlock
-- with that write.
UPDATE monitoring.WorkerJobs
   SET LeaseExpiresAt = (now() AT TIME ZONE 'UTC') + :#LeaseSeconds * INTERVAL '1 second'
 WHERE JobId IN (SELECT JobId FROM monitoring.WorkerJobs
                  WHERE WorkerInstanceId = :#WorkerInstanceId AND Status = 'Running'
                    AND JobId IN (:#in:JobIds)
                    FOR UPDATE SKIP LOCKED)
