-- Every text a query has run with, by the QueryHash its results carry: a result leads back to the SQL that produced it.
CREATE TABLE IF NOT EXISTS monitoring.QueryVersions (
    QueryId      UUID         NOT NULL,
    QueryHash    VARCHAR(64)  NOT NULL,
    SqlQuery     VARCHAR      NOT NULL,
    FirstSeenAt  TIMESTAMP    NOT NULL DEFAULT DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP),
    CONSTRAINT PK_QueryVersions PRIMARY KEY (QueryId, QueryHash)
);

-- A query may be scoped to the connections of one Environment (NULL: every connection of its provider).
ALTER TABLE monitoring.DatabaseQueries ADD COLUMN IF NOT EXISTS Environment VARCHAR(50);
-- the embedded demo's queue-depth query reads the demo store's own tables: it runs on the demo connection only
UPDATE monitoring.DatabaseQueries SET Environment = 'Demo' WHERE QueryName = 'Demo: pending jobs' AND Environment IS NULL;
