-- A notification could not be sent: tried again after RetryInSeconds, or given up when that is NULL (the error stays).
UPDATE monitoring.AlertEvents
   SET NextNotifyAt = DATEADD(SECOND, :#RetryInSeconds, SYSUTCDATETIME()), NotifyError = :#NotifyError
 WHERE EventId = :#EventId AND NotifyAttempts = :#NotifyAttempts AND NotifiedAt IS NULL
