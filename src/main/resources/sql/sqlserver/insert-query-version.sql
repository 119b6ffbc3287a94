-- Keeps a query's text under the QueryHash its results carry, once; the range lock makes a second worker wait, then skip.
INSERT INTO monitoring.QueryVersions (QueryId, QueryHash, SqlQuery, FirstSeenAt)
SELECT :#QueryId, :#QueryHash, :#SqlQuery, SYSUTCDATETIME()
 WHERE NOT EXISTS (SELECT 1 FROM monitoring.QueryVersions WITH (UPDLOCK, HOLDLOCK) WHERE QueryId = :#QueryId AND QueryHash = :#QueryHash)
