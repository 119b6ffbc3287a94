-- Retention finds finished jobs by completion time.
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'IX_WorkerJobs_CompletedAt' AND object_id = OBJECT_ID(N'monitoring.WorkerJobs'))
    CREATE INDEX IX_WorkerJobs_CompletedAt ON monitoring.WorkerJobs (CompletedAt)
        WHERE Status IN (N'Succeeded', N'Failed', N'Cancelled');
