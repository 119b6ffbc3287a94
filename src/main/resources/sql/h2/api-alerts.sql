-- Alerts with names and age: those not Ok, or those in State when it is given; per-key alerts included.
SELECT s.ConnectionId, c.ConnectionName, c.Environment, c.Provider, s.QueryId, q.QueryName, s.RowKey, s.State, s.StateSince,
       DATEDIFF(SECOND, s.StateSince, DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)) AS AgeSeconds, s.IsFlapping, s.LastValue, s.LastMessage, s.LastSeenAt,
       s.AcknowledgedBy, s.AcknowledgedAt
  FROM monitoring.AlertStates s
  LEFT JOIN monitoring.DatabaseConnections c ON c.ConnectionId = s.ConnectionId
  LEFT JOIN monitoring.DatabaseQueries q ON q.QueryId = s.QueryId
 WHERE ((CAST(:#State AS VARCHAR(400)) IS NULL AND s.State <> 'Ok') OR s.State = CAST(:#State AS VARCHAR(400)))
   AND (CAST(:#Environment AS VARCHAR(400)) IS NULL OR c.Environment = CAST(:#Environment AS VARCHAR(400)))
   AND (CAST(:#Provider AS VARCHAR(400)) IS NULL OR c.Provider = CAST(:#Provider AS VARCHAR(400)))
   AND (CAST(:#ConnectionId AS UUID) IS NULL OR s.ConnectionId = CAST(:#ConnectionId AS UUID))
   AND (CAST(:#QueryId AS UUID) IS NULL OR s.QueryId = CAST(:#QueryId AS UUID))
 ORDER BY s.StateSince
 OFFSET 0 ROWS FETCH NEXT :#Limit ROWS ONLY
