-- Every text a query has run with, by the QueryHash its results carry: a result leads back to the SQL that produced it.
CREATE TABLE IF NOT EXISTS monitoring.QueryVersions (
    QueryId      UUID         NOT NULL,
    QueryHash    VARCHAR(64)  NOT NULL,
    SqlQuery     VARCHAR      NOT NULL,
    FirstSeenAt  TIMESTAMP    NOT NULL DEFAULT DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP),
    CONSTRAINT PK_QueryVersions PRIMARY KEY (QueryId, QueryHash)
);
