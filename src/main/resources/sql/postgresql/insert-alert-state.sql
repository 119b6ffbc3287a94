-- An alert seen for the first time. Another worker inserting the same alert first wins; this row is dropped.
INSERT INTO monitoring.AlertStates
    (ConnectionId, QueryId, RowKey, State, PendingState, PendingCount, DataState, IsFlapping, History, StateSince, LastSeenAt,
     Sequence, LastValue, LastMessage)
VALUES (:#ConnectionId, :#QueryId, :#RowKey, :#State, :#PendingState, :#PendingCount, :#DataState, :#IsFlapping, :#History,
        (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC'), :#Sequence, :#LastValue, :#LastMessage)
ON CONFLICT (ConnectionId, QueryId, RowKey) DO NOTHING
