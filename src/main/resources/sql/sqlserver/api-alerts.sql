-- Alerts with names and age: those not Ok, or those in State when it is given; per-key alerts included.
SELECT s.ConnectionId, c.ConnectionName, c.Environment, c.Provider, s.QueryId, q.QueryName, s.RowKey, s.State, s.StateSince,
       DATEDIFF_BIG(SECOND, s.StateSince, SYSUTCDATETIME()) AS AgeSeconds, s.IsFlapping, s.LastValue, s.LastMessage, s.LastSeenAt,
       s.AcknowledgedBy, s.AcknowledgedAt
  FROM monitoring.AlertStates s
  LEFT JOIN monitoring.DatabaseConnections c ON c.ConnectionId = s.ConnectionId
  LEFT JOIN monitoring.DatabaseQueries q ON q.QueryId = s.QueryId
 WHERE ((CAST(:#State AS NVARCHAR(400)) IS NULL AND s.State <> N'Ok') OR s.State = CAST(:#State AS NVARCHAR(400)))
   AND (CAST(:#Environment AS NVARCHAR(400)) IS NULL OR c.Environment = CAST(:#Environment AS NVARCHAR(400)))
   AND (CAST(:#Provider AS NVARCHAR(400)) IS NULL OR c.Provider = CAST(:#Provider AS NVARCHAR(400)))
   AND (CAST(:#ConnectionId AS UNIQUEIDENTIFIER) IS NULL OR s.ConnectionId = CAST(:#ConnectionId AS UNIQUEIDENTIFIER))
   AND (CAST(:#QueryId AS UNIQUEIDENTIFIER) IS NULL OR s.QueryId = CAST(:#QueryId AS UNIQUEIDENTIFIER))
 ORDER BY s.StateSince
 OFFSET 0 ROWS FETCH NEXT :#Limit ROWS ONLY
