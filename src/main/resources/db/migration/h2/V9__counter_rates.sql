-- A query may read a cumulative counter (deadlocks, commits, batch requests): ValueKind 'Counter' makes its value the
-- per-second rate between consecutive runs, and its thresholds judge that rate. NULL or 'Gauge': the value as read.
ALTER TABLE monitoring.DatabaseQueries ADD COLUMN IF NOT EXISTS ValueKind VARCHAR(20);

-- The last raw reading of each counter: one row per (connection, query) with RowKey '' or, for a DataSet query with
-- AlertKeyColumn, one per key. SampledAtMs is the worker's clock when the reading came back, in epoch milliseconds.
CREATE TABLE IF NOT EXISTS monitoring.CounterSamples (
    ConnectionId  UUID             NOT NULL,
    QueryId       UUID             NOT NULL,
    RowKey        VARCHAR(400)     NOT NULL DEFAULT '',
    CounterValue  DOUBLE PRECISION NOT NULL,
    SampledAtMs   BIGINT           NOT NULL,
    CONSTRAINT PK_CounterSamples PRIMARY KEY (ConnectionId, QueryId, RowKey)
);
