-- The seed's four usage examples on a PostgreSQL store. Changed only where PostgreSQL forces it:
-- no T-SQL variables (the worker id is written out), and IsEnabled takes true instead of 1.
INSERT INTO monitoring.WorkerInstances (
    WorkerInstanceId, WorkerName, MachineName, ProcessId, Version, Environment
) VALUES (
    'c0ffee00-0000-4000-8000-000000000001', 'MonitoringWorker-01', 'SERVER-01', 1234, '1.0.0', 'Production'
);

INSERT INTO monitoring.DatabaseConnections (
    ConnectionName, Provider, ConnectionString, Environment, IsEnabled
) VALUES (
    'Production-DB', 'SqlServer', 'Server=...;Database=...;', 'Production', true
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
    'c0ffee00-0000-4000-8000-000000000001', 'DatabaseMonitoring', 'Check Production DB', 1
);
