-- Cancels a job that has not started; a running job finishes (drain or lease expiry govern it).
UPDATE monitoring.WorkerJobs
   SET Status = 'Cancelled', CompletedAt = CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP), ModifiedAt = CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP), ModifiedBy = :#UserName
 WHERE JobId = :#JobId AND Status = 'Pending'
