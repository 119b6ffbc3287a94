-- The scheduler looks up which (connection, query) pairs still have a scheduled job not finished.
CREATE INDEX IF NOT EXISTS IX_WorkerJobs_Unfinished ON monitoring.WorkerJobs (Status, ConnectionId, QueryId, ScheduledAt);
