-- Moves an alert for what did not happen (no run: Stale; a key no longer returned: NoData), fenced by the Sequence
-- it was read with like update-alert-state.sql. Its last value and when it was last seen stay as they were.
UPDATE monitoring.AlertStates
   SET AcknowledgedBy = CASE WHEN State <> :#State THEN NULL ELSE AcknowledgedBy END,
       AcknowledgedAt = CASE WHEN State <> :#State THEN NULL ELSE AcknowledgedAt END,
       State = :#State, PendingState = NULL, PendingCount = 0, StateSince = DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP), Sequence = :#Sequence,
       LastMessage = :#LastMessage, ModifiedAt = DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)
 WHERE ConnectionId = :#ConnectionId AND QueryId = :#QueryId AND RowKey = :#RowKey AND Sequence = :#ReadSequence
