-- The last readings of the counters a batch runs (ValueKind Counter), by connection and query (the caller picks
-- the pairs it needs where the lists cross).
SELECT ConnectionId, QueryId, RowKey, CounterValue, SampledAtMs
  FROM monitoring.CounterSamples
 WHERE ConnectionId IN (:#in:ConnectionIds) AND QueryId IN (:#in:QueryIds)
