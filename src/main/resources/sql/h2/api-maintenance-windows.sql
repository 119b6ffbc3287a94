-- Maintenance windows and silences, newest first: those not over (and over within the last 7 days), or all.
SELECT WindowId, Kind, Environment, ConnectionId, QueryId, RowKey, StartsAt, EndsAt, Cron, DurationMinutes, TimeZone, Reason,
       CreatedBy, CreatedAt, CancelledAt, CancelledBy, LastEndHandledAt
  FROM monitoring.MaintenanceWindows
 WHERE :#All = 1 OR (EndsAt IS NULL AND CancelledAt IS NULL) OR COALESCE(CancelledAt, EndsAt) > DATEADD(DAY, -7, DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP))
 ORDER BY CreatedAt DESC
