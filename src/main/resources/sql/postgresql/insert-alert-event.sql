-- Records an alert's change once: written only with the state it led to (StateSequence), and the unique
-- (ConnectionId, QueryId, RowKey, Sequence) key drops a second replica's copy of the same change.
INSERT INTO monitoring.AlertEvents
    (ConnectionId, QueryId, RowKey, Sequence, Kind, FromState, ToState, OccurredAt, Notifies, Reason, ResultValue, NextNotifyAt)
SELECT CAST(:#ConnectionId AS UUID), CAST(:#QueryId AS UUID), CAST(:#RowKey AS VARCHAR), CAST(:#Sequence AS BIGINT),
       CAST(:#Kind AS VARCHAR), CAST(:#FromState AS VARCHAR), CAST(:#ToState AS VARCHAR), (now() AT TIME ZONE 'UTC'),
       CAST(:#Notifies AS BOOLEAN), CAST(:#Reason AS VARCHAR), CAST(:#ResultValue AS DOUBLE PRECISION), (now() AT TIME ZONE 'UTC')
 WHERE EXISTS (SELECT 1 FROM monitoring.AlertStates
                WHERE ConnectionId = CAST(:#ConnectionId AS UUID) AND QueryId = CAST(:#QueryId AS UUID)
                  AND RowKey = CAST(:#RowKey AS VARCHAR) AND Sequence = CAST(:#StateSequence AS BIGINT))
ON CONFLICT (ConnectionId, QueryId, RowKey, Sequence) DO NOTHING
