-- The query a backtest replays, by QueryName or QueryId.
SELECT * FROM monitoring.DatabaseQueries
 WHERE QueryName = CAST(:#Query AS VARCHAR) OR CAST(QueryId AS VARCHAR(36)) = LOWER(CAST(:#Query AS VARCHAR))
