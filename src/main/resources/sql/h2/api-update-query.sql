-- A query changed through the API (validated as on create).
UPDATE monitoring.DatabaseQueries
   SET QueryName = :#QueryName, QueryType = :#QueryType, SqlQuery = :#SqlQuery, ResultType = :#ResultType,
       Description = :#Description, Provider = :#Provider, WarningThreshold = :#WarningThreshold,
       CriticalThreshold = :#CriticalThreshold, ComparisonOperator = :#ComparisonOperator,
       IntervalSeconds = :#IntervalSeconds, TimeoutSeconds = :#TimeoutSeconds, MaxRows = :#MaxRows,
       AllowWrite = :#AllowWrite, IsEnabled = :#IsEnabled, WarningRecovery = :#WarningRecovery,
       CriticalRecovery = :#CriticalRecovery, HardAfter = :#HardAfter, FlapLowPercent = :#FlapLowPercent,
       FlapHighPercent = :#FlapHighPercent, StaleAfterIntervals = :#StaleAfterIntervals,
       AlertKeyColumn = :#AlertKeyColumn, AlertValueColumn = :#AlertValueColumn, ValueKind = :#ValueKind, SqlVariants = :#SqlVariants,
       ModifiedAt = DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP), ModifiedBy = :#UserName
 WHERE QueryId = :#QueryId
