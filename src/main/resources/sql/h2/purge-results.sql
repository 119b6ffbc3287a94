-- Retention: removes at most BatchSize results older than RetentionDays; the route repeats it until a batch
-- comes back short, so no statement holds many locks or a long transaction.
DELETE FROM monitoring.DatabaseMonitoringResults
 WHERE ResultId IN (SELECT ResultId FROM monitoring.DatabaseMonitoringResults
                     WHERE ExecutedAt < DATEADD(DAY, -:#RetentionDays, CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP))
                     LIMIT :#BatchSize)
