-- Replaces one stored connection string, only if it is still the value that was read (no lost edits).
UPDATE monitoring.DatabaseConnections
   SET ConnectionString = :#NewValue, ModifiedAt = DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP), ModifiedBy = CURRENT_USER
 WHERE ConnectionId = :#ConnectionId AND ConnectionString = :#OldValue
