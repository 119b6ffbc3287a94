-- Replaces one stored connection string, only if it is still the value that was read (no lost edits).
UPDATE monitoring.DatabaseConnections
   SET ConnectionString = :#NewValue, ModifiedAt = (now() AT TIME ZONE 'UTC'), ModifiedBy = current_user
 WHERE ConnectionId = :#ConnectionId AND ConnectionString = :#OldValue
