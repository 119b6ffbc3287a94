-- Cancels a job that has not started; a running job finishes (drain or lease expiry govern it).
UPDATE monitoring.WorkerJobs
   SET Status = 'Cancelled', CompletedAt = (now() AT TIME ZONE 'UTC'), ModifiedAt = (now() AT TIME ZONE 'UTC'), ModifiedBy = :#UserName
 WHERE JobId = :#JobId AND Status = 'Pending'
