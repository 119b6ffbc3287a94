-- A counter's first reading, after update-counter-sample.sql in the same transaction: inserted only where no reading
-- is kept. Casts type the parameters, which PostgreSQL cannot infer in a SELECT list.
INSERT INTO monitoring.CounterSamples (ConnectionId, QueryId, RowKey, CounterValue, SampledAtMs)
SELECT CAST(:#ConnectionId AS UUID), CAST(:#QueryId AS UUID), CAST(:#RowKey AS VARCHAR), CAST(:#CounterValue AS DOUBLE PRECISION),
       CAST(:#SampledAtMs AS BIGINT)
ON CONFLICT (ConnectionId, QueryId, RowKey) DO NOTHING
