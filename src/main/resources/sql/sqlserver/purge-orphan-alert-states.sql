-- Retention: removes at most BatchSize alert states whose connection or query was deleted (nothing can run or
-- show them any more); their events age out with the events' retention.
DELETE TOP (:#BatchSize) FROM monitoring.AlertStates
 WHERE NOT EXISTS (SELECT 1 FROM monitoring.DatabaseConnections c WHERE c.ConnectionId = AlertStates.ConnectionId)
    OR NOT EXISTS (SELECT 1 FROM monitoring.DatabaseQueries q WHERE q.QueryId = AlertStates.QueryId)
