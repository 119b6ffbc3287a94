-- Enables or disables a connection through the API; nothing else of the row changes.
UPDATE monitoring.DatabaseConnections
   SET IsEnabled = :#IsEnabled, ModifiedAt = SYSUTCDATETIME(), ModifiedBy = :#UserName
 WHERE ConnectionId = :#ConnectionId
