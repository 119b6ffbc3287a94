-- Keeps a counter's newest reading: a reading older than the stored one (a late retry) changes nothing.
UPDATE monitoring.CounterSamples
   SET CounterValue = :#CounterValue, SampledAtMs = :#SampledAtMs
 WHERE ConnectionId = :#ConnectionId AND QueryId = :#QueryId AND RowKey = :#RowKey AND SampledAtMs < :#SampledAtMs
