-- Every text a query has run with, by the QueryHash its results carry: a result leads back to the SQL that produced it.
IF OBJECT_ID(N'monitoring.QueryVersions', N'U') IS NULL
    CREATE TABLE monitoring.QueryVersions (
        QueryId      UNIQUEIDENTIFIER NOT NULL,
        QueryHash    NVARCHAR(64)     NOT NULL,
        SqlQuery     NVARCHAR(MAX)    NOT NULL,
        FirstSeenAt  DATETIME2        NOT NULL CONSTRAINT DF_QueryVersions_FirstSeenAt DEFAULT SYSUTCDATETIME(),
        CONSTRAINT PK_QueryVersions PRIMARY KEY (QueryId, QueryHash)
    );

-- A query may be scoped to the connections of one Environment (NULL: every connection of its provider).
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'Environment') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD Environment NVARCHAR(50) NULL;
