-- Connections as the API shows them: never the connection string, only whether it is encrypted.
SELECT ConnectionId, ConnectionName, Provider, Environment, IsEnabled, ConnectionTimeoutSeconds, CommandTimeoutSeconds, MaxConcurrency,
       Tags, Description, CASE WHEN ConnectionString LIKE 'enc:v1:%' THEN TRUE ELSE FALSE END AS ConnectionStringEncrypted,
       CreatedAt, CreatedBy, ModifiedAt, ModifiedBy
  FROM monitoring.DatabaseConnections
 WHERE (CAST(:#ConnectionId AS UUID) IS NULL OR ConnectionId = CAST(:#ConnectionId AS UUID))
 ORDER BY ConnectionName
