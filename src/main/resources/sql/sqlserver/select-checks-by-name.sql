-- The queries a check pack's checks are (or would be) installed as: what they hold now, and what they were installed as.
SELECT QueryId, QueryName, QueryType, SqlQuery, ResultType, Description, Provider, WarningThreshold, CriticalThreshold,
       ComparisonOperator, IntervalSeconds, TimeoutSeconds, WarningRecovery, CriticalRecovery, HardAfter, AlertKeyColumn,
       AlertValueColumn, ValueKind, SqlVariants, CheckPack, CheckPackHash, ModifiedBy
  FROM monitoring.DatabaseQueries
 WHERE QueryName IN (:#Names)
