-- A query's stored results of the last Days days, oldest first, for a backtest; Connection (name or id) narrows
-- them to one connection when given.
SELECT r.ConnectionId, r.QueryId, r.Status, r.ResultValue, r.ResultRowCount, r.ErrorMessage, r.Details, r.ExecutedAt
  FROM monitoring.DatabaseMonitoringResults r
 WHERE r.QueryId = :#QueryId AND r.ExecutedAt >= DATEADD(DAY, -CAST(:#Days AS INTEGER), DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP))
   AND (CAST(:#Connection AS VARCHAR(400)) IS NULL OR CAST(r.ConnectionId AS VARCHAR(36)) = LOWER(CAST(:#Connection AS VARCHAR(400)))
        OR r.ConnectionId IN (SELECT c.ConnectionId FROM monitoring.DatabaseConnections c WHERE c.ConnectionName = CAST(:#Connection AS VARCHAR(400))))
 ORDER BY r.ExecutedAt
