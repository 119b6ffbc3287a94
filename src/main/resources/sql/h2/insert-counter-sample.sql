-- A counter's first reading, after update-counter-sample.sql in the same transaction: inserted only where no reading is kept.
INSERT INTO monitoring.CounterSamples (ConnectionId, QueryId, RowKey, CounterValue, SampledAtMs)
SELECT :#ConnectionId, :#QueryId, :#RowKey, :#CounterValue, :#SampledAtMs
 WHERE NOT EXISTS (SELECT 1 FROM monitoring.CounterSamples
                    WHERE ConnectionId = :#ConnectionId AND QueryId = :#QueryId AND RowKey = :#RowKey)
