-- A query created through the API (validated before: SQL shape, result type, operator, threshold order).
INSERT INTO monitoring.DatabaseQueries (QueryId, QueryName, QueryType, SqlQuery, ResultType, Description, Provider, WarningThreshold, CriticalThreshold,
       ComparisonOperator, IntervalSeconds, TimeoutSeconds, MaxRows, AllowWrite, IsEnabled, WarningRecovery,
       CriticalRecovery, HardAfter, FlapLowPercent, FlapHighPercent, StaleAfterIntervals, AlertKeyColumn,
       AlertValueColumn, ValueKind, SqlVariants, CreatedBy)
VALUES (:#QueryId, :#QueryName, :#QueryType, :#SqlQuery, :#ResultType, :#Description, :#Provider, :#WarningThreshold,
        :#CriticalThreshold, :#ComparisonOperator, :#IntervalSeconds, :#TimeoutSeconds, :#MaxRows, :#AllowWrite,
        :#IsEnabled, :#WarningRecovery, :#CriticalRecovery, :#HardAfter, :#FlapLowPercent, :#FlapHighPercent,
        :#StaleAfterIntervals, :#AlertKeyColumn, :#AlertValueColumn, :#ValueKind, :#SqlVariants, :#UserName)
