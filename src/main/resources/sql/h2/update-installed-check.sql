-- An installed check brought up to its pack's newer text: only while it is still what it was installed as
-- (CheckPackHash unchanged), so a change made meanwhile is never overwritten. IsEnabled stays as the user left it.
UPDATE monitoring.DatabaseQueries
   SET QueryType = :#QueryType, SqlQuery = :#SqlQuery, ResultType = :#ResultType, Description = :#Description, Provider = :#Provider,
       WarningThreshold = :#WarningThreshold, CriticalThreshold = :#CriticalThreshold, ComparisonOperator = :#ComparisonOperator,
       IntervalSeconds = :#IntervalSeconds, TimeoutSeconds = :#TimeoutSeconds, WarningRecovery = :#WarningRecovery,
       CriticalRecovery = :#CriticalRecovery, HardAfter = :#HardAfter, AlertKeyColumn = :#AlertKeyColumn,
       AlertValueColumn = :#AlertValueColumn, ValueKind = :#ValueKind, SqlVariants = :#SqlVariants, CheckPack = :#CheckPack,
       CheckPackHash = :#CheckPackHash, ModifiedAt = DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP), ModifiedBy = :#UserName
 WHERE QueryId = :#QueryId AND CheckPackHash = :#PreviousHash
