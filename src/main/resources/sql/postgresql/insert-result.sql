-- Records one (connection, query) result, after its job's completion in the same transaction: written only when
-- that completion took (the fence: the job row is Succeeded by this runner and attempt, and the completion's row
-- lock keeps it so until commit, so a reclaim racing this write either waits for it or makes both change nothing),
-- and at most once per (JobId, ConnectionId, QueryId): a retry after an unclear commit inserts nothing.
-- Casts type the parameters, which PostgreSQL cannot infer in a SELECT list when they are NULL.
INSERT INTO monitoring.DatabaseMonitoringResults
    (JobId, ConnectionId, QueryId, WorkerInstanceId, Attempt, Environment, Provider, Status, ResultValue, ResultText, ResultRowCount, DurationMs, ErrorMessage, Details, QueryHash, ExecutedAt)
SELECT CAST(:#JobId AS UUID), CAST(:#ConnectionId AS UUID), CAST(:#QueryId AS UUID), CAST(:#WorkerInstanceId AS UUID),
       CAST(:#Attempt AS INTEGER), CAST(:#Environment AS VARCHAR), CAST(:#Provider AS VARCHAR), CAST(:#Status AS VARCHAR),
       CAST(:#ResultValue AS DOUBLE PRECISION), CAST(:#ResultText AS VARCHAR), CAST(:#ResultRowCount AS INTEGER),
       CAST(:#DurationMs AS BIGINT), CAST(:#ErrorMessage AS VARCHAR), CAST(:#Details AS TEXT), CAST(:#QueryHash AS VARCHAR),
       (now() AT TIME ZONE 'UTC')
 WHERE EXISTS (SELECT 1 FROM monitoring.WorkerJobs WHERE JobId = :#JobId AND WorkerInstanceId = :#WorkerInstanceId AND Attempt = :#Attempt AND Status = 'Succeeded')
ON CONFLICT (JobId, ConnectionId, QueryId) DO NOTHING
