-- Cancels a job that has not started; a running job finishes (drain or lease expiry govern it).
UPDATE monitoring.WorkerJobs
   SET Status = N'Cancelled', CompletedAt = SYSUTCDATETIME(), ModifiedAt = SYSUTCDATETIME(), ModifiedBy = :#UserName
 WHERE JobId = :#JobId AND Status = N'Pending'
