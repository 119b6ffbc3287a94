-- Embedded demo: a threshold query on the queue depth, every 30 seconds, on the demo connection (Environment Demo), once.
INSERT INTO monitoring.DatabaseQueries
    (QueryName, QueryType, SqlQuery, ResultType, Description, Provider, Environment, WarningThreshold, CriticalThreshold, ComparisonOperator, IntervalSeconds)
SELECT 'Demo: pending jobs', 'Performance',
       'SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE Status = ''Pending''', 'Scalar',
       'Jobs waiting in the queue (demo)', 'H2', 'Demo', 100, 1000, 'GreaterThan', 30
 WHERE NOT EXISTS (SELECT 1 FROM monitoring.DatabaseQueries WHERE QueryName = 'Demo: pending jobs')
