-- Marks this worker Draining: it claims nothing more and finishes or hands back what it holds.
UPDATE monitoring.WorkerInstances
   SET Status = 'Draining', ModifiedAt = (now() AT TIME ZONE 'UTC'), ModifiedBy = current_user
 WHERE WorkerInstanceId = :#WorkerInstanceId
