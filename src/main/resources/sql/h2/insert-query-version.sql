-- Keeps a query's text under the QueryHash its results carry, once.
INSERT INTO monitoring.QueryVersions (QueryId, QueryHash, SqlQuery, FirstSeenAt)
SELECT CAST(:#QueryId AS UUID), CAST(:#QueryHash AS VARCHAR), CAST(:#SqlQuery AS VARCHAR), DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)
 WHERE NOT EXISTS (SELECT 1 FROM monitoring.QueryVersions WHERE QueryId = :#QueryId AND QueryHash = :#QueryHash)
