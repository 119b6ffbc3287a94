-- The stored alerts of a batch's (connection, query) pairs (and more, where the pairs cross: the caller picks).
SELECT ConnectionId, QueryId, RowKey, State, PendingState, PendingCount, DataState, IsFlapping, History, StateSince,
       LastSeenAt, Sequence
  FROM monitoring.AlertStates
 WHERE ConnectionId IN (:#in:ConnectionIds) AND QueryId IN (:#in:QueryIds)
