-- Marks this worker Draining: it claims nothing more and finishes or hands back what it holds.
UPDATE monitoring.WorkerInstances
   SET Status = 'Draining', ModifiedAt = CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP), ModifiedBy = CURRENT_USER
 WHERE WorkerInstanceId = :#WorkerInstanceId
