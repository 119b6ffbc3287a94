-- Cancels a job that has not started; a running job finishes (drain or lease expiry govern it).
UPDATE monitoring.WorkerJobs
   SET Status = 'Cancelled', CompletedAt = DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP), ModifiedAt = DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP), ModifiedBy = :#UserName
 WHERE JobId = :#JobId AND Status = 'Pending'
