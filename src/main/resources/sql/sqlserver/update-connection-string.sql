-- Replaces one stored connection string, only if it is still the value that was read (no lost edits).
UPDATE monitoring.DatabaseConnections
   SET ConnectionString = :#NewValue, ModifiedAt = SYSUTCDATETIME(), ModifiedBy = SUSER_SNAME()
 WHERE ConnectionId = :#ConnectionId AND ConnectionString = :#OldValue
