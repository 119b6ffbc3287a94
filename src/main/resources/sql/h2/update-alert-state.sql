-- Moves an alert on, fenced by the Sequence it was read with: a state another worker moved meanwhile is kept.
-- A new state clears the acknowledgement of the old one.
UPDATE monitoring.AlertStates
   SET AcknowledgedBy = CASE WHEN State <> :#State THEN NULL ELSE AcknowledgedBy END,
       AcknowledgedAt = CASE WHEN State <> :#State THEN NULL ELSE AcknowledgedAt END,
       StateSince = CASE WHEN State <> :#State THEN DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP) ELSE StateSince END,
       State = :#State, PendingState = :#PendingState, PendingCount = :#PendingCount, DataState = :#DataState,
       IsFlapping = :#IsFlapping, History = :#History, LastSeenAt = DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP), Sequence = :#Sequence,
       LastValue = :#LastValue, LastMessage = :#LastMessage, ModifiedAt = DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)
 WHERE ConnectionId = :#ConnectionId AND QueryId = :#QueryId AND RowKey = :#RowKey AND Sequence = :#ReadSequence
