-- Replaces one stored connection string, only if it is still the value that was read (no lost edits).
UPDATE monitoring.DatabaseConnections
   SET ConnectionString = :#NewValue, ModifiedAt = CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP), ModifiedBy = CURRENT_USER
 WHERE ConnectionId = :#ConnectionId AND ConnectionString = :#OldValue
