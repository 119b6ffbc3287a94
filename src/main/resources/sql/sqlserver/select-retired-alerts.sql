-- Open alerts whose connection or query was disabled or deleted: no run will ever close them, so the sweep closes
-- them, saying why.
SELECT s.ConnectionId, s.QueryId, s.RowKey, s.State, s.PendingState, s.PendingCount, s.DataState, s.IsFlapping, s.History,
       s.StateSince, s.LastSeenAt, s.Sequence,
       c.ConnectionName, c.IsEnabled AS ConnectionEnabled, q.QueryName, q.IsEnabled AS QueryEnabled,
       CASE WHEN c.ConnectionId IS NULL THEN 1 ELSE 0 END AS ConnectionDeleted,
       CASE WHEN q.QueryId IS NULL THEN 1 ELSE 0 END AS QueryDeleted
  FROM monitoring.AlertStates s
  LEFT JOIN monitoring.DatabaseConnections c ON c.ConnectionId = s.ConnectionId
  LEFT JOIN monitoring.DatabaseQueries q ON q.QueryId = s.QueryId
 WHERE s.State <> N'Ok'
   AND (c.ConnectionId IS NULL OR c.IsEnabled = 0 OR q.QueryId IS NULL OR q.IsEnabled = 0)
