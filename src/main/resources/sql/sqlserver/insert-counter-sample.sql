-- A counter's first reading, after update-counter-sample.sql in the same transaction: inserted only where no reading
-- is kept; UPDLOCK + HOLDLOCK make the check and the insert one step, so a concurrent first reading waits and then
-- inserts nothing.
INSERT INTO monitoring.CounterSamples (ConnectionId, QueryId, RowKey, CounterValue, SampledAtMs)
SELECT :#ConnectionId, :#QueryId, :#RowKey, :#CounterValue, :#SampledAtMs
 WHERE NOT EXISTS (SELECT 1 FROM monitoring.CounterSamples WITH (UPDLOCK, HOLDLOCK)
                    WHERE ConnectionId = :#ConnectionId AND QueryId = :#QueryId AND RowKey = :#RowKey)
