-- A notification could not be sent: tried again after RetryInSeconds, or given up when that is NULL (the error stays).
UPDATE monitoring.AlertEvents
   SET NextNotifyAt = DATEADD(SECOND, :#RetryInSeconds, DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)), NotifyError = :#NotifyError
 WHERE EventId = :#EventId AND NotifyAttempts = :#NotifyAttempts AND NotifiedAt IS NULL
