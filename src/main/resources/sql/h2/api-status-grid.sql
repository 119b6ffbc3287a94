-- The status page's grid: the current state of every enabled (connection, query) alert.
SELECT s.ConnectionId, c.ConnectionName, c.Environment, c.Provider, s.QueryId, q.QueryName, s.State, s.PendingState, s.PendingCount, q.HardAfter, s.StateSince,
       DATEDIFF(SECOND, s.StateSince, DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)) AS AgeSeconds, s.IsFlapping, s.LastValue, s.LastMessage, s.LastSeenAt, s.AcknowledgedBy
  FROM monitoring.AlertStates s
  JOIN monitoring.DatabaseConnections c ON c.ConnectionId = s.ConnectionId
  JOIN monitoring.DatabaseQueries q ON q.QueryId = s.QueryId
 WHERE s.RowKey = '' AND c.IsEnabled = TRUE AND q.IsEnabled = TRUE
 ORDER BY c.ConnectionName, q.QueryName
