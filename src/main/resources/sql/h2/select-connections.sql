-- Every monitored connection, enabled or not (a job naming a disabled one is told so).
SELECT ConnectionId, ConnectionName, Provider, ConnectionString, Environment, IsEnabled,
       ConnectionTimeoutSeconds, CommandTimeoutSeconds, MaxConcurrency
  FROM monitoring.DatabaseConnections
