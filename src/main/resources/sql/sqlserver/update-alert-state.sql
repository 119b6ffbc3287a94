-- Moves an alert on, fenced by the Sequence it was read with: a state another worker moved meanwhile is kept.
UPDATE monitoring.AlertStates
   SET StateSince = CASE WHEN State <> :#State THEN SYSUTCDATETIME() ELSE StateSince END,
       State = :#State, PendingState = :#PendingState, PendingCount = :#PendingCount, DataState = :#DataState,
       IsFlapping = :#IsFlapping, History = :#History, LastSeenAt = SYSUTCDATETIME(), Sequence = :#Sequence,
       LastValue = :#LastValue, LastMessage = :#LastMessage, ModifiedAt = SYSUTCDATETIME()
 WHERE ConnectionId = :#ConnectionId AND QueryId = :#QueryId AND RowKey = :#RowKey AND Sequence = :#ReadSequence
