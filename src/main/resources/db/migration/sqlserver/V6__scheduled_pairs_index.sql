-- The scheduler looks up which (connection, query) pairs still have a scheduled job not finished.
-- An index is looked up by its name, or by the name the TDS engine's catalog gives it (see V3).
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'monitoring.WorkerJobs')
                AND (name = N'IX_WorkerJobs_Unfinished' OR name LIKE N'ix[_]workerjobs[_]unfinishedworkerj' + REPLICATE(N'[0-9a-f]', 32)))
    CREATE INDEX IX_WorkerJobs_Unfinished ON monitoring.WorkerJobs (ConnectionId, QueryId, ScheduledAt)
        WHERE DedupeKey IS NOT NULL AND Status IN (N'Pending', N'Running');
