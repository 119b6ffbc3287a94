-- Retention finds finished jobs by completion time.
CREATE INDEX IF NOT EXISTS IX_WorkerJobs_CompletedAt ON monitoring.WorkerJobs (CompletedAt);
