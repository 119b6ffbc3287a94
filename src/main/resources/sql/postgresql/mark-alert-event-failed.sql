-- A notification could not be sent: tried again after RetryInSeconds, or given up when that is NULL (the error stays).
UPDATE monitoring.AlertEvents
   SET NextNotifyAt = (now() AT TIME ZONE 'UTC') + CAST(:#RetryInSeconds AS INTEGER) * INTERVAL '1 second', NotifyError = :#NotifyError
 WHERE EventId = :#EventId AND NotifyAttempts = :#NotifyAttempts AND NotifiedAt IS NULL
