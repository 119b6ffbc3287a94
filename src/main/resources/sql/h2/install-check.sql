-- A check of a pack, installed as a query (enabled, read-only, 100 rows at most), with the hash of what it was installed as.
INSERT INTO monitoring.DatabaseQueries (QueryId, QueryName, QueryType, SqlQuery, ResultType, Description, Provider, WarningThreshold,
       CriticalThreshold, ComparisonOperator, IntervalSeconds, TimeoutSeconds, WarningRecovery, CriticalRecovery, HardAfter,
       AlertKeyColumn, AlertValueColumn, ValueKind, SqlVariants, CheckPack, CheckPackHash, CreatedBy)
VALUES (:#QueryId, :#QueryName, :#QueryType, :#SqlQuery, :#ResultType, :#Description, :#Provider, :#WarningThreshold,
        :#CriticalThreshold, :#ComparisonOperator, :#IntervalSeconds, :#TimeoutSeconds, :#WarningRecovery, :#CriticalRecovery,
        :#HardAfter, :#AlertKeyColumn, :#AlertValueColumn, :#ValueKind, :#SqlVariants, :#CheckPack, :#CheckPackHash, :#UserName)
