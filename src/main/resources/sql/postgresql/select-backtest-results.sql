-- A query's stored results of the last Days days, oldest first, for a backtest; Connection (name or id) narrows
-- them to one connection when given.
SELECT r.ConnectionId, r.QueryId, r.Status, r.ResultValue, r.ResultRowCount, r.ErrorMessage, r.Details, r.ExecutedAt
  FROM monitoring.DatabaseMonitoringResults r
 WHERE r.QueryId = :#QueryId AND r.ExecutedAt >= (now() AT TIME ZONE 'UTC') - CAST(:#Days AS INTEGER) * INTERVAL '1 day'
   AND (CAST(:#Connection AS VARCHAR) IS NULL OR CAST(r.ConnectionId AS VARCHAR(36)) = LOWER(CAST(:#Connection AS VARCHAR))
        OR r.ConnectionId IN (SELECT c.ConnectionId FROM monitoring.DatabaseConnections c WHERE c.ConnectionName = CAST(:#Connection AS VARCHAR)))
 ORDER BY r.ExecutedAt
