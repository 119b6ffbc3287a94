-- The seed's four usage examples, as written for SQL Server (the production store). Run them in one batch:
-- example 4 uses the variable declared in example 1.
DECLARE @WorkerId UNIQUEIDENTIFIER = NEWID();

INSERT INTO monitoring.WorkerInstances (
    WorkerInstanceId, WorkerName, MachineName, ProcessId, Version, Environment
) VALUES (
    @WorkerId, 'MonitoringWorker-01', 'SERVER-01', 1234, '1.0.0', 'Production'
);

INSERT INTO monitoring.DatabaseConnections (
    ConnectionName, Provider, ConnectionString, Environment, IsEnabled
) VALUES (
    'Production-DB', 'SqlServer', 'Server=...;Database=...;', 'Production', 1
);

INSERT INTO monitoring.DatabaseQueries (
    QueryName, QueryType, SqlQuery, ResultType, Description
) VALUES (
    'CPU Usage Check', 'Performance',
    'SELECT AVG(cpu_percent) FROM sys.dm_db_resource_stats',
    'Scalar', 'Check average CPU usage'
);

INSERT INTO monitoring.WorkerJobs (
    WorkerInstanceId, JobType, JobName, Priority
) VALUES (
    @WorkerId, 'DatabaseMonitoring', 'Check Production DB', 1
);
