-- Enables or disables a query through the API; nothing else of the row changes.
UPDATE monitoring.DatabaseQueries
   SET IsEnabled = :#IsEnabled, ModifiedAt = CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP), ModifiedBy = :#UserName
 WHERE QueryId = :#QueryId
