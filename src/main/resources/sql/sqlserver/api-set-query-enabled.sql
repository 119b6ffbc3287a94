-- Enables or disables a query through the API; nothing else of the row changes.
UPDATE monitoring.DatabaseQueries
   SET IsEnabled = :#IsEnabled, ModifiedAt = SYSUTCDATETIME(), ModifiedBy = :#UserName
 WHERE QueryId = :#QueryId
