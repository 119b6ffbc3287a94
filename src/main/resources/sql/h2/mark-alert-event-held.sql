-- A claimed change that a maintenance window or silence covers is not sent: kept with the window that held it, until
-- that window ends (release-held-alert-events.sql). Fenced by the attempt that claimed it.
UPDATE monitoring.AlertEvents
   SET Notifies = FALSE, HeldBy = :#HeldBy, NextNotifyAt = NULL, NotifyError = :#NotifyError
 WHERE EventId = :#EventId AND NotifyAttempts = :#NotifyAttempts AND NotifiedAt IS NULL
