-- Enables or disables a query through the API; nothing else of the row changes.
UPDATE monitoring.DatabaseQueries
   SET IsEnabled = :#IsEnabled, ModifiedAt = (now() AT TIME ZONE 'UTC'), ModifiedBy = :#UserName
 WHERE QueryId = :#QueryId
