-- Retention: removes at most BatchSize alert events older than RetentionDays that nobody waits for any more:
-- delivered, never meant to notify, or given up on. An event still being retried stays until it is sent.
DELETE TOP (:#BatchSize) FROM monitoring.AlertEvents
 WHERE OccurredAt < DATEADD(DAY, -:#RetentionDays, SYSUTCDATETIME())
   AND (Notifies = 0 OR NotifiedAt IS NOT NULL OR NextNotifyAt IS NULL)
