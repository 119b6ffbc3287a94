-- Retention: removes at most BatchSize alert states whose connection or query was deleted (nothing can run or
-- show them any more); their events age out with the events' retention.
DELETE FROM monitoring.AlertStates s
 WHERE (s.ConnectionId, s.QueryId, s.RowKey) IN (
        SELECT o.ConnectionId, o.QueryId, o.RowKey FROM monitoring.AlertStates o
         WHERE NOT EXISTS (SELECT 1 FROM monitoring.DatabaseConnections c WHERE c.ConnectionId = o.ConnectionId)
            OR NOT EXISTS (SELECT 1 FROM monitoring.DatabaseQueries q WHERE q.QueryId = o.QueryId)
         LIMIT :#BatchSize)
