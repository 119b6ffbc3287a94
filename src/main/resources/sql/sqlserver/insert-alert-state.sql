-- An alert seen for the first time. Another worker inserting the same alert first wins; this row is dropped.
INSERT INTO monitoring.AlertStates
    (ConnectionId, QueryId, RowKey, State, PendingState, PendingCount, DataState, IsFlapping, History, StateSince, LastSeenAt,
     Sequence, LastValue, LastMessage)
SELECT :#ConnectionId, :#QueryId, :#RowKey, :#State, :#PendingState, :#PendingCount, :#DataState, :#IsFlapping, :#History,
       SYSUTCDATETIME(), SYSUTCDATETIME(), :#Sequence, :#LastValue, :#LastMessage
 WHERE NOT EXISTS (SELECT 1 FROM monitoring.AlertStates WITH (UPDLOCK, HOLDLOCK)
                    WHERE ConnectionId = :#ConnectionId AND QueryId = :#QueryId AND RowKey = :#RowKey)
