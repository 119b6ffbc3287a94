-- Marks this worker Draining: it claims nothing more and finishes or hands back what it holds.
UPDATE monitoring.WorkerInstances
   SET Status = N'Draining', ModifiedAt = SYSUTCDATETIME(), ModifiedBy = SUSER_SNAME()
 WHERE WorkerInstanceId = :#WorkerInstanceId
