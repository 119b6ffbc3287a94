-- Results, newest first, with every filter optional: Environment, Provider, ConnectionId, QueryId, Status,
-- and the time range [From, To).
SELECT r.ResultId, r.JobId, r.ConnectionId, c.ConnectionName, r.QueryId, q.QueryName, r.Environment, r.Provider, r.Status,
       r.ResultValue, r.ResultText, r.ResultRowCount, r.DurationMs, r.ErrorMessage, r.ExecutedAt
  FROM monitoring.DatabaseMonitoringResults r
  LEFT JOIN monitoring.DatabaseConnections c ON c.ConnectionId = r.ConnectionId
  LEFT JOIN monitoring.DatabaseQueries q ON q.QueryId = r.QueryId
 WHERE (CAST(:#Environment AS NVARCHAR(400)) IS NULL OR r.Environment = CAST(:#Environment AS NVARCHAR(400)))
   AND (CAST(:#Provider AS NVARCHAR(400)) IS NULL OR r.Provider = CAST(:#Provider AS NVARCHAR(400)))
   AND (CAST(:#ConnectionId AS UNIQUEIDENTIFIER) IS NULL OR r.ConnectionId = CAST(:#ConnectionId AS UNIQUEIDENTIFIER))
   AND (CAST(:#QueryId AS UNIQUEIDENTIFIER) IS NULL OR r.QueryId = CAST(:#QueryId AS UNIQUEIDENTIFIER))
   AND (CAST(:#Status AS NVARCHAR(400)) IS NULL OR r.Status = CAST(:#Status AS NVARCHAR(400)))
   AND (CAST(:#From AS DATETIME2) IS NULL OR r.ExecutedAt >= CAST(:#From AS DATETIME2))
   AND (CAST(:#To AS DATETIME2) IS NULL OR r.ExecutedAt < CAST(:#To AS DATETIME2))
 ORDER BY r.ExecutedAt DESC
 OFFSET 0 ROWS FETCH NEXT :#Limit ROWS ONLY
