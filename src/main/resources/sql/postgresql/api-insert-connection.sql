-- A connection created through the API: its connection string arrives encrypted for its ConnectionId.
INSERT INTO monitoring.DatabaseConnections (ConnectionId, ConnectionName, Provider, ConnectionString, Environment, IsEnabled,
       ConnectionTimeoutSeconds, CommandTimeoutSeconds, MaxConcurrency, Tags, Description, CreatedBy)
VALUES (:#ConnectionId, :#ConnectionName, :#Provider, :#ConnectionString, :#Environment, :#IsEnabled, :#ConnectionTimeoutSeconds,
        :#CommandTimeoutSeconds, :#MaxConcurrency, :#Tags, :#Description, :#UserName)
