-- Records an alert's change once: written only with the state it led to (StateSequence), and only when no
-- replica recorded the same change (ConnectionId, QueryId, RowKey, Sequence) already.
INSERT INTO monitoring.AlertEvents
    (ConnectionId, QueryId, RowKey, Sequence, Kind, FromState, ToState, OccurredAt, Notifies, Reason, ResultValue, NextNotifyAt)
SELECT :#ConnectionId, :#QueryId, :#RowKey, :#Sequence, :#Kind, :#FromState, :#ToState, SYSUTCDATETIME(),
       :#Notifies, :#Reason, :#ResultValue, SYSUTCDATETIME()
 WHERE EXISTS (SELECT 1 FROM monitoring.AlertStates
                WHERE ConnectionId = :#ConnectionId AND QueryId = :#QueryId AND RowKey = :#RowKey AND Sequence = :#StateSequence)
   AND NOT EXISTS (SELECT 1 FROM monitoring.AlertEvents WITH (UPDLOCK, HOLDLOCK)
                    WHERE ConnectionId = :#ConnectionId AND QueryId = :#QueryId AND RowKey = :#RowKey AND Sequence = :#Sequence)
