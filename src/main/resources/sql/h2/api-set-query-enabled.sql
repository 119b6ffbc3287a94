-- Enables or disables a query through the API; nothing else of the row changes.
UPDATE monitoring.DatabaseQueries
   SET IsEnabled = :#IsEnabled, ModifiedAt = DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP), ModifiedBy = :#UserName
 WHERE QueryId = :#QueryId
