-- A notification went out: fenced by the attempt that claimed it, so a late copy of an expired claim writes nothing.
UPDATE monitoring.AlertEvents
   SET NotifiedAt = (now() AT TIME ZONE 'UTC'), NotifyError = NULL
 WHERE EventId = :#EventId AND NotifyAttempts = :#NotifyAttempts AND NotifiedAt IS NULL
