-- Connections as the API shows them: never the connection string, only whether it is encrypted.
SELECT ConnectionId, ConnectionName, Provider, Environment, IsEnabled, ConnectionTimeoutSeconds, CommandTimeoutSeconds, MaxConcurrency,
       Tags, Description, CASE WHEN ConnectionString LIKE N'enc:v1:%' THEN 1 ELSE 0 END AS ConnectionStringEncrypted,
       CreatedAt, CreatedBy, ModifiedAt, ModifiedBy
  FROM monitoring.DatabaseConnections
 WHERE (CAST(:#ConnectionId AS UNIQUEIDENTIFIER) IS NULL OR ConnectionId = CAST(:#ConnectionId AS UNIQUEIDENTIFIER))
 ORDER BY ConnectionName
