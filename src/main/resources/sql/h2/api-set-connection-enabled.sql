-- Enables or disables a connection through the API; nothing else of the row changes.
UPDATE monitoring.DatabaseConnections
   SET IsEnabled = :#IsEnabled, ModifiedAt = DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP), ModifiedBy = :#UserName
 WHERE ConnectionId = :#ConnectionId
