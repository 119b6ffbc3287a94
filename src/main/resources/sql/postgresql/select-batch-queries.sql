-- The queries a claimed batch names, enabled or not; every query when one of its jobs names none
-- (AllQueries = 1: the job runs every query that applies).
SELECT QueryId, QueryName, SqlQuery, ResultType, Provider, Environment, WarningThreshold, CriticalThreshold,
       ComparisonOperator, IntervalSeconds, TimeoutSeconds, MaxRows, AllowWrite, IsEnabled, ValueKind, AlertKeyColumn, AlertValueColumn, SqlVariants
  FROM monitoring.DatabaseQueries
 WHERE QueryId IN (:#in:QueryIds) OR :#AllQueries = 1
