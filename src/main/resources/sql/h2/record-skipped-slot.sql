-- Records a slot the scheduler did not run because the pair's previous job had not finished: a Cancelled job
-- with the reason, so that every slot has one row (run or not). The DedupeKey makes a second insert a no-op.
INSERT INTO monitoring.WorkerJobs (JobId, JobType, JobName, Priority, Status, ConnectionId, QueryId, Environment, ScheduledAt, DedupeKey,
                                   CompletedAt, LastError, ModifiedBy)
SELECT :#JobId, 'DatabaseMonitoring', :#JobName, 5, 'Cancelled', :#ConnectionId, :#QueryId, :#Environment, :#ScheduledAt, :#DedupeKey,
       DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP), :#Reason, 'scheduler'
 WHERE NOT EXISTS (SELECT 1 FROM monitoring.WorkerJobs WHERE DedupeKey = :#DedupeKey)
