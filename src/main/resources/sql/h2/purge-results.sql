-- Retention: removes at most BatchSize results older than RetentionDays; the route repeats it until a batch
-- comes back short, so no statement holds many locks or a long transaction.
DELETE FROM monitoring.DatabaseMonitoringResults
 WHERE ResultId IN (SELECT ResultId FROM monitoring.DatabaseMonitoringResults
                     WHERE ExecutedAt < DATEADD(DAY, -:#RetentionDays, DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP))
                     LIMIT :#BatchSize)
