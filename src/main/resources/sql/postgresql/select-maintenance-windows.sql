-- The maintenance windows and silences a worker needs: those not over, those over within the last 7 days, and any
-- whose end was not handed over yet (their held changes still wait).
SELECT WindowId, Kind, Environment, ConnectionId, QueryId, RowKey, StartsAt, EndsAt, Cron, DurationMinutes, TimeZone, Reason,
       CreatedBy, CancelledAt, LastEndHandledAt
  FROM monitoring.MaintenanceWindows
 WHERE (EndsAt IS NULL AND CancelledAt IS NULL) OR LastEndHandledAt IS NULL
    OR COALESCE(CancelledAt, EndsAt) > (now() AT TIME ZONE 'UTC') - INTERVAL '7 days'
 ORDER BY CreatedAt
