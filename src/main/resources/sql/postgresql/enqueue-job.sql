-- Enqueues one scheduled job per (query, connection, slot); the DedupeKey makes a second insert a no-op,
-- so every replica may run the scheduler.
INSERT INTO monitoring.WorkerJobs (JobId, JobType, JobName, Priority, Status, ConnectionId, QueryId, Environment, ScheduledAt, DedupeKey)
VALUES (:#JobId, 'DatabaseMonitoring', :#JobName, 5, 'Pending', :#ConnectionId, :#QueryId, :#Environment, :#ScheduledAt, :#DedupeKey)
ON CONFLICT (DedupeKey) WHERE DedupeKey IS NOT NULL DO NOTHING
