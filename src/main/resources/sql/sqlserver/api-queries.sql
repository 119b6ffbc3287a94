-- Queries with their thresholds and alert rules.
SELECT QueryId, QueryName, QueryType, SqlQuery, ResultType, Description, Provider, WarningThreshold, CriticalThreshold, ComparisonOperator,
       IntervalSeconds, TimeoutSeconds, MaxRows, AllowWrite, IsEnabled, WarningRecovery, CriticalRecovery, HardAfter, FlapLowPercent,
       FlapHighPercent, StaleAfterIntervals, AlertKeyColumn, AlertValueColumn, ValueKind, SqlVariants, CheckPack, CreatedAt, CreatedBy, ModifiedAt, ModifiedBy
  FROM monitoring.DatabaseQueries
 WHERE (CAST(:#QueryId AS UNIQUEIDENTIFIER) IS NULL OR QueryId = CAST(:#QueryId AS UNIQUEIDENTIFIER))
 ORDER BY QueryName
