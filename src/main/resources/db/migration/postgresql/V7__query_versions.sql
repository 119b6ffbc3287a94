-- Every text a query has run with, by the QueryHash its results carry: a result leads back to the SQL that produced it.
CREATE TABLE IF NOT EXISTS monitoring.QueryVersions (
    QueryId      UUID         NOT NULL,
    QueryHash    VARCHAR(64)  NOT NULL,
    SqlQuery     TEXT         NOT NULL,
    FirstSeenAt  TIMESTAMP    NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
    CONSTRAINT PK_QueryVersions PRIMARY KEY (QueryId, QueryHash)
);

-- A query may be scoped to the connections of one Environment (NULL: every connection of its provider).
ALTER TABLE monitoring.DatabaseQueries ADD COLUMN IF NOT EXISTS Environment VARCHAR(50);
