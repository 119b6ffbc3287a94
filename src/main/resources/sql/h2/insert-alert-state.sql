-- An alert seen for the first time. Another worker inserting the same alert first wins; this row is dropped.
INSERT INTO monitoring.AlertStates
    (ConnectionId, QueryId, RowKey, State, PendingState, PendingCount, DataState, IsFlapping, History, StateSince, LastSeenAt,
     Sequence, LastValue, LastMessage)
SELECT CAST(:#ConnectionId AS UUID), CAST(:#QueryId AS UUID), CAST(:#RowKey AS VARCHAR), CAST(:#State AS VARCHAR),
       CAST(:#PendingState AS VARCHAR), CAST(:#PendingCount AS INTEGER), CAST(:#DataState AS VARCHAR), CAST(:#IsFlapping AS BOOLEAN),
       CAST(:#History AS VARCHAR), DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP), DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP),
       CAST(:#Sequence AS BIGINT), CAST(:#LastValue AS DOUBLE PRECISION), CAST(:#LastMessage AS VARCHAR)
 WHERE NOT EXISTS (SELECT 1 FROM monitoring.AlertStates
                    WHERE ConnectionId = :#ConnectionId AND QueryId = :#QueryId AND RowKey = :#RowKey)
