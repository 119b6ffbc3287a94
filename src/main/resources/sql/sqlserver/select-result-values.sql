-- The latest value and alert state of every enabled (connection, query) and of each key of a per-key query, for the
-- monitoring_result_* gauges; keys that stopped coming back (NoData) are left out. Names in order, so that a cap on
-- series keeps the same ones.
SELECT c.ConnectionName, q.QueryName, c.Environment, s.RowKey, s.LastValue, s.State
  FROM monitoring.AlertStates s
  JOIN monitoring.DatabaseConnections c ON c.ConnectionId = s.ConnectionId
  JOIN monitoring.DatabaseQueries q ON q.QueryId = s.QueryId
 WHERE c.IsEnabled = 1 AND q.IsEnabled = 1 AND s.State <> N'NoData'
 ORDER BY c.ConnectionName, q.QueryName, s.RowKey
