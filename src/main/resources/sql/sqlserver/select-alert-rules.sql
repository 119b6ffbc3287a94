-- The alert rules of the queries a batch of results came from.
SELECT QueryId, QueryName, WarningThreshold, CriticalThreshold, ComparisonOperator, IntervalSeconds,
       WarningRecovery, CriticalRecovery, HardAfter, FlapLowPercent, FlapHighPercent, StaleAfterIntervals,
       AlertKeyColumn, AlertValueColumn, ValueKind
  FROM monitoring.DatabaseQueries
 WHERE QueryId IN (:#in:QueryIds)
