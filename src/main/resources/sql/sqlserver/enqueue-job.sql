-- Enqueues one scheduled job per (query, connection, slot); the DedupeKey makes a second insert a no-op.
-- UPDLOCK + HOLDLOCK make check and insert atomic across replicas.
INSERT INTO monitoring.WorkerJobs (JobId, JobType, JobName, Priority, Status, ConnectionId, QueryId, Environment, ScheduledAt, DedupeKey)
SELECT :#JobId, N'DatabaseMonitoring', :#JobName, 5, N'Pending', :#ConnectionId, :#QueryId, :#Environment, :#ScheduledAt, :#DedupeKey
 WHERE NOT EXISTS (SELECT 1 FROM monitoring.WorkerJobs WITH (UPDLOCK, HOLDLOCK) WHERE DedupeKey = :#DedupeKey);
