-- Moves an alert on, fenced by the Sequence it was read with: a state another worker moved meanwhile is kept.
-- A new state clears the acknowledgement of the old one.
UPDATE monitoring.AlertStates
   SET AcknowledgedBy = CASE WHEN State <> :#State THEN NULL ELSE AcknowledgedBy END,
       AcknowledgedAt = CASE WHEN State <> :#State THEN NULL ELSE AcknowledgedAt END,
       StateSince = CASE WHEN State <> :#State THEN CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP) ELSE StateSince END,
       State = :#State, PendingState = :#PendingState, PendingCount = :#PendingCount, DataState = :#DataState,
       IsFlapping = :#IsFlapping, History = :#History, LastSeenAt = CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP), Sequence = :#Sequence,
       LastValue = :#LastValue, LastMessage = :#LastMessage, ModifiedAt = CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP)
 WHERE ConnectionId = :#ConnectionId AND QueryId = :#QueryId AND RowKey = :#RowKey AND Sequence = :#ReadSequence
