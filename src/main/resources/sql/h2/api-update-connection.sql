-- A connection changed through the API; a NULL ConnectionString keeps the stored (encrypted) one.
UPDATE monitoring.DatabaseConnections
   SET ConnectionName = :#ConnectionName, Provider = :#Provider, ConnectionString = COALESCE(:#ConnectionString, ConnectionString),
       Environment = :#Environment, IsEnabled = :#IsEnabled, ConnectionTimeoutSeconds = :#ConnectionTimeoutSeconds,
       CommandTimeoutSeconds = :#CommandTimeoutSeconds, MaxConcurrency = :#MaxConcurrency, Tags = :#Tags, Description = :#Description,
       ModifiedAt = DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP), ModifiedBy = :#UserName
 WHERE ConnectionId = :#ConnectionId
