-- Records an alert's change once: written only with the state it led to (StateSequence), and only when no
-- replica recorded the same change (ConnectionId, QueryId, RowKey, Sequence) already.
INSERT INTO monitoring.AlertEvents
    (ConnectionId, QueryId, RowKey, Sequence, Kind, FromState, ToState, OccurredAt, Notifies, Reason, ResultValue, NextNotifyAt)
SELECT CAST(:#ConnectionId AS UUID), CAST(:#QueryId AS UUID), CAST(:#RowKey AS VARCHAR), CAST(:#Sequence AS BIGINT),
       CAST(:#Kind AS VARCHAR), CAST(:#FromState AS VARCHAR), CAST(:#ToState AS VARCHAR), DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP),
       CAST(:#Notifies AS BOOLEAN), CAST(:#Reason AS VARCHAR), CAST(:#ResultValue AS DOUBLE PRECISION), DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)
 WHERE EXISTS (SELECT 1 FROM monitoring.AlertStates
                WHERE ConnectionId = :#ConnectionId AND QueryId = :#QueryId AND RowKey = :#RowKey AND Sequence = :#StateSequence)
   AND NOT EXISTS (SELECT 1 FROM monitoring.AlertEvents
                    WHERE ConnectionId = :#ConnectionId AND QueryId = :#QueryId AND RowKey = :#RowKey AND Sequence = :#Sequence)
