-- Enables or disables a connection through the API; nothing else of the row changes.
UPDATE monitoring.DatabaseConnections
   SET IsEnabled = :#IsEnabled, ModifiedAt = CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP), ModifiedBy = :#UserName
 WHERE ConnectionId = :#ConnectionId
