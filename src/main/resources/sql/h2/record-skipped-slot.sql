-- Records a slot the scheduler did not run because the pair's previous job had not finished: a Cancelled job
-- with the reason, so that every slot has one row (run or not). The DedupeKey makes a second insert a no-op.
INSERT INTO monitoring.WorkerJobs (JobId, JobType, JobName, Priority, Status, ConnectionId, QueryId, Environment, ScheduledAt, DedupeKey,
                                   CompletedAt, LastError, ModifiedBy)
SELECT :#JobId, 'DatabaseMonitoring', :#JobName, 5, 'Cancelled', :#ConnectionId, :#QueryId, :#Environment, :#ScheduledAt, :#DedupeKey,
       CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP), :#Reason, 'scheduler'
 WHERE NOT EXISTS (SELECT 1 FROM monitoring.WorkerJobs WHERE DedupeKey = :#DedupeKey)
