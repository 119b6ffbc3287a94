-- Keeps a query's text under the QueryHash its results carry, once.
INSERT INTO monitoring.QueryVersions (QueryId, QueryHash, SqlQuery, FirstSeenAt)
VALUES (CAST(:#QueryId AS UUID), CAST(:#QueryHash AS VARCHAR), CAST(:#SqlQuery AS TEXT), now() AT TIME ZONE 'UTC')
ON CONFLICT (QueryId, QueryHash) DO NOTHING
