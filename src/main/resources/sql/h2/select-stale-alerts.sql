-- Alerts not seen for more than one interval of their query: the candidates for Stale (the query's
-- StaleAfterIntervals decides). Only enabled queries with an interval, on enabled connections, are expected to run.
SELECT s.ConnectionId, s.QueryId, s.RowKey, s.State, s.PendingState, s.PendingCount, s.DataState, s.IsFlapping, s.History,
       s.StateSince, s.LastSeenAt, s.Sequence,
       q.QueryName, q.WarningThreshold, q.CriticalThreshold, q.ComparisonOperator, q.IntervalSeconds, q.WarningRecovery,
       q.CriticalRecovery, q.HardAfter, q.FlapLowPercent, q.FlapHighPercent, q.StaleAfterIntervals, q.AlertKeyColumn, q.AlertValueColumn,
       DATEDIFF(SECOND, COALESCE(s.LastSeenAt, s.StateSince), DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)) AS SecondsSinceSeen
  FROM monitoring.AlertStates s
  JOIN monitoring.DatabaseQueries q ON q.QueryId = s.QueryId
  JOIN monitoring.DatabaseConnections c ON c.ConnectionId = s.ConnectionId
 WHERE q.IsEnabled = TRUE AND c.IsEnabled = TRUE AND q.IntervalSeconds > 0 AND s.State NOT IN ('Stale', 'NoData')
   AND DATEADD(SECOND, q.IntervalSeconds, COALESCE(s.LastSeenAt, s.StateSince)) < DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)
