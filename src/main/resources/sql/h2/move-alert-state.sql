-- Moves an alert for what did not happen (no run: Stale; a key no longer returned: NoData), fenced by the Sequence
-- it was read with like update-alert-state.sql. Its last value and when it was last seen stay as they were.
UPDATE monitoring.AlertStates
   SET AcknowledgedBy = CASE WHEN State <> :#State THEN NULL ELSE AcknowledgedBy END,
       AcknowledgedAt = CASE WHEN State <> :#State THEN NULL ELSE AcknowledgedAt END,
       State = :#State, PendingState = NULL, PendingCount = 0, StateSince = CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP), Sequence = :#Sequence,
       LastMessage = :#LastMessage, ModifiedAt = CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP)
 WHERE ConnectionId = :#ConnectionId AND QueryId = :#QueryId AND RowKey = :#RowKey AND Sequence = :#ReadSequence
