-- Every text a query has run with, newest first.
SELECT QueryHash, SqlQuery, FirstSeenAt
  FROM monitoring.QueryVersions
 WHERE QueryId = CAST(:#QueryId AS UUID)
 ORDER BY FirstSeenAt DESC, QueryHash
