-- Enqueues one scheduled job per (query, connection, slot); the DedupeKey makes a second insert a no-op.
INSERT INTO monitoring.WorkerJobs (JobId, JobType, JobName, Priority, Status, ConnectionId, QueryId, Environment, ScheduledAt, DedupeKey)
SELECT :#JobId, 'DatabaseMonitoring', :#JobName, 5, 'Pending', :#ConnectionId, :#QueryId, :#Environment, :#ScheduledAt, :#DedupeKey
 WHERE NOT EXISTS (SELECT 1 FROM monitoring.WorkerJobs WHERE DedupeKey = :#DedupeKey)
