-- The connections a claimed batch names, enabled or not (a job naming a disabled one is told so); every
-- connection when one of its jobs names none (AllConnections = 1: the job runs on all of its Environment).
SELECT ConnectionId, ConnectionName, Provider, ConnectionString, Environment, IsEnabled,
       ConnectionTimeoutSeconds, CommandTimeoutSeconds, MaxConcurrency
  FROM monitoring.DatabaseConnections
 WHERE ConnectionId IN (:#in:ConnectionIds) OR :#AllConnections = 1
