-- A notification could not be sent: tried again after RetryInSeconds, or given up when that is NULL (the error stays).
UPDATE monitoring.AlertEvents
   SET NextNotifyAt = DATEADD(SECOND, :#RetryInSeconds, CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP)), NotifyError = :#NotifyError
 WHERE EventId = :#EventId AND NotifyAttempts = :#NotifyAttempts AND NotifiedAt IS NULL
