-- Maintenance windows and silences, newest first: those not over (and over within the last 7 days), or all.
SELECT WindowId, Kind, Environment, ConnectionId, QueryId, RowKey, StartsAt, EndsAt, Cron, DurationMinutes, TimeZone, Reason,
       CreatedBy, CreatedAt, CancelledAt, CancelledBy, LastEndHandledAt
  FROM monitoring.MaintenanceWindows
 WHERE :#All = 1 OR (EndsAt IS NULL AND CancelledAt IS NULL) OR COALESCE(CancelledAt, EndsAt) > (now() AT TIME ZONE 'UTC') - INTERVAL '7 days'
 ORDER BY CreatedAt DESC
