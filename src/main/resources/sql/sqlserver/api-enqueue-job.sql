-- An ad hoc job from the API: due now, with the caller's priority, recorded as theirs.
INSERT INTO monitoring.WorkerJobs (JobId, JobType, JobName, Priority, Status, ConnectionId, QueryId, Environment, MaxAttempts, CreatedBy)
VALUES (:#JobId, N'DatabaseMonitoring', :#JobName, :#Priority, N'Pending', :#ConnectionId, :#QueryId, :#Environment, :#MaxAttempts, :#UserName)
