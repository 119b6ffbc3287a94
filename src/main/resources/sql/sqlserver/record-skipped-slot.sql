-- Records a slot the scheduler did not run because the pair's previous job had not finished: a Cancelled job
-- with the reason, so that every slot has one row (run or not). The DedupeKey makes a second insert a no-op;
-- UPDLOCK + HOLDLOCK make check and insert atomic across replicas.
INSERT INTO monitoring.WorkerJobs (JobId, JobType, JobName, Priority, Status, ConnectionId, QueryId, Environment, ScheduledAt, DedupeKey,
                                   CompletedAt, LastError, ModifiedBy)
SELECT :#JobId, N'DatabaseMonitoring', :#JobName, 5, N'Cancelled', :#ConnectionId, :#QueryId, :#Environment, :#ScheduledAt, :#DedupeKey,
       SYSUTCDATETIME(), :#Reason, N'scheduler'
 WHERE NOT EXISTS (SELECT 1 FROM monitoring.WorkerJobs WITH (UPDLOCK, HOLDLOCK) WHERE DedupeKey = :#DedupeKey);
