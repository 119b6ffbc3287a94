-- Marks this worker Draining: it claims nothing more and finishes or hands back what it holds.
UPDATE monitoring.WorkerInstances
   SET Status = 'Draining', ModifiedAt = DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP), ModifiedBy = CURRENT_USER
 WHERE WorkerInstanceId = :#WorkerInstanceId
