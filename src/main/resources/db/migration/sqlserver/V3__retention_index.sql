-- Retention finds finished jobs by completion time.
-- An index is looked up by its name, or by the name the TDS engine's catalog gives it (the first 31
-- characters of <name><table> in lower case, then 32 hex digits), so the guards hold on SQL Server and on that engine alike.
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'monitoring.WorkerJobs')
                AND (name = N'IX_WorkerJobs_CompletedAt' OR name LIKE N'ix[_]workerjobs[_]completedatworker' + REPLICATE(N'[0-9a-f]', 32)))
    CREATE INDEX IX_WorkerJobs_CompletedAt ON monitoring.WorkerJobs (CompletedAt)
        WHERE Status IN (N'Succeeded', N'Failed', N'Cancelled');
