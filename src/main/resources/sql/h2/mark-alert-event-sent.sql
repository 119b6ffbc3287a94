-- A notification went out: fenced by the attempt that claimed it, so a late copy of an expired claim writes nothing.
UPDATE monitoring.AlertEvents
   SET NotifiedAt = DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP), NotifyError = NULL
 WHERE EventId = :#EventId AND NotifyAttempts = :#NotifyAttempts AND NotifiedAt IS NULL
