-- Retention: removes at most BatchSize alert events older than RetentionDays that nobody waits for any more:
-- delivered, never meant to notify, or given up on. An event still being retried stays until it is sent.
DELETE FROM monitoring.AlertEvents
 WHERE EventId IN (SELECT EventId FROM monitoring.AlertEvents
                    WHERE OccurredAt < DATEADD(DAY, -:#RetentionDays, DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP))
                      AND (NOT Notifies OR NotifiedAt IS NOT NULL OR NextNotifyAt IS NULL)
                    LIMIT :#BatchSize)
