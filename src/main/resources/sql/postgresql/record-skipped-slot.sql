-- Records a slot the scheduler did not run because the pair's previous job had not finished: a Cancelled job
-- with the reason, so that every slot has one row (run or not). The DedupeKey makes a second insert a no-op.
INSERT INTO monitoring.WorkerJobs (JobId, JobType, JobName, Priority, Status, ConnectionId, QueryId, Environment, ScheduledAt, DedupeKey,
                                   CompletedAt, LastError, ModifiedBy)
VALUES (:#JobId, 'DatabaseMonitoring', :#JobName, 5, 'Cancelled', :#ConnectionId, :#QueryId, :#Environment, :#ScheduledAt, :#DedupeKey,
        (now() AT TIME ZONE 'UTC'), :#Reason, 'scheduler')
ON CONFLICT (DedupeKey) WHERE DedupeKey IS NOT NULL DO NOTHING
