-- The last Points values of each (connection, query) since Since, oldest first: the page's sparklines.
SELECT ConnectionId, QueryId, ResultValue, Status, ExecutedAt
  FROM (SELECT r.ConnectionId, r.QueryId, r.ResultValue, r.Status, r.ExecutedAt,
               ROW_NUMBER() OVER (PARTITION BY r.ConnectionId, r.QueryId ORDER BY r.ExecutedAt DESC) AS Recency
          FROM monitoring.DatabaseMonitoringResults r
         WHERE r.ExecutedAt >= :#Since
           AND (CAST(:#ConnectionId AS UNIQUEIDENTIFIER) IS NULL OR r.ConnectionId = CAST(:#ConnectionId AS UNIQUEIDENTIFIER))) x
 WHERE Recency <= :#Points
 ORDER BY ExecutedAt
