-- The query a backtest replays, by QueryName or QueryId.
SELECT * FROM monitoring.DatabaseQueries
 WHERE QueryName = CAST(:#Query AS NVARCHAR(400)) OR CAST(QueryId AS NVARCHAR(36)) = LOWER(CAST(:#Query AS NVARCHAR(400)))
