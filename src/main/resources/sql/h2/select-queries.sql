-- Every monitoring query, enabled or not.
SELECT QueryId, QueryName, SqlQuery, ResultType, Provider, Environment, WarningThreshold, CriticalThreshold,
       ComparisonOperator, IntervalSeconds, TimeoutSeconds, MaxRows, AllowWrite, IsEnabled
  FROM monitoring.DatabaseQueries
