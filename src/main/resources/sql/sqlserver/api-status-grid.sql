-- The status page's grid: the current state of every enabled (connection, query) alert.
SELECT s.ConnectionId, c.ConnectionName, c.Environment, c.Provider, s.QueryId, q.QueryName, s.State, s.PendingState, s.PendingCount, q.HardAfter, s.StateSince,
       DATEDIFF_BIG(SECOND, s.StateSince, SYSUTCDATETIME()) AS AgeSeconds, s.IsFlapping, s.LastValue, s.LastMessage, s.LastSeenAt, s.AcknowledgedBy
  FROM monitoring.AlertStates s
  JOIN monitoring.DatabaseConnections c ON c.ConnectionId = s.ConnectionId
  JOIN monitoring.DatabaseQueries q ON q.QueryId = s.QueryId
 WHERE s.RowKey = N'' AND c.IsEnabled = 1 AND q.IsEnabled = 1
 ORDER BY c.ConnectionName, q.QueryName
