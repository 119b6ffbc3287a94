-- A query may read a cumulative counter (deadlocks, commits, batch requests): ValueKind 'Counter' makes its value the
-- per-second rate between consecutive runs, and its thresholds judge that rate. NULL or 'Gauge': the value as read.
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'ValueKind') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD ValueKind NVARCHAR(20) NULL;

-- The last raw reading of each counter: one row per (connection, query) with RowKey '' or, for a DataSet query with
-- AlertKeyColumn, one per key. SampledAtMs is the worker's clock when the reading came back, in epoch milliseconds.
IF OBJECT_ID(N'monitoring.CounterSamples', N'U') IS NULL
    CREATE TABLE monitoring.CounterSamples (
        ConnectionId  UNIQUEIDENTIFIER NOT NULL,
        QueryId       UNIQUEIDENTIFIER NOT NULL,
        RowKey        NVARCHAR(400)    NOT NULL CONSTRAINT DF_CounterSamples_RowKey DEFAULT N'',
        CounterValue  FLOAT            NOT NULL,
        SampledAtMs   BIGINT           NOT NULL,
        CONSTRAINT PK_CounterSamples PRIMARY KEY (ConnectionId, QueryId, RowKey)
    );
