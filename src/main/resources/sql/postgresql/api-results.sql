-- Results, newest first, with every filter optional: Environment, Provider, ConnectionId, QueryId, Status,
-- and the time range [From, To).
SELECT r.ResultId, r.JobId, r.ConnectionId, c.ConnectionName, r.QueryId, q.QueryName, r.Environment, r.Provider, r.Status,
       r.ResultValue, r.ResultText, r.ResultRowCount, r.DurationMs, r.ErrorMessage, r.ExecutedAt
  FROM monitoring.DatabaseMonitoringResults r
  LEFT JOIN monitoring.DatabaseConnections c ON c.ConnectionId = r.ConnectionId
  LEFT JOIN monitoring.DatabaseQueries q ON q.QueryId = r.QueryId
 WHERE (CAST(:#Environment AS VARCHAR) IS NULL OR r.Environment = CAST(:#Environment AS VARCHAR))
   AND (CAST(:#Provider AS VARCHAR) IS NULL OR r.Provider = CAST(:#Provider AS VARCHAR))
   AND (CAST(:#ConnectionId AS UUID) IS NULL OR r.ConnectionId = CAST(:#ConnectionId AS UUID))
   AND (CAST(:#QueryId AS UUID) IS NULL OR r.QueryId = CAST(:#QueryId AS UUID))
   AND (CAST(:#Status AS VARCHAR) IS NULL OR r.Status = CAST(:#Status AS VARCHAR))
   AND (CAST(:#From AS TIMESTAMP) IS NULL OR r.ExecutedAt >= CAST(:#From AS TIMESTAMP))
   AND (CAST(:#To AS TIMESTAMP) IS NULL OR r.ExecutedAt < CAST(:#To AS TIMESTAMP))
 ORDER BY r.ExecutedAt DESC
 OFFSET 0 ROWS FETCH NEXT :#Limit ROWS ONLY
