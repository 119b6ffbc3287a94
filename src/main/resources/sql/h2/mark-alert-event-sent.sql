-- A notification went out: fenced by the attempt that claimed it, so a late copy of an expired claim writes nothing.
UPDATE monitoring.AlertEvents
   SET NotifiedAt = CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP), NotifyError = NULL
 WHERE EventId = :#EventId AND NotifyAttempts = :#NotifyAttempts AND NotifiedAt IS NULL
