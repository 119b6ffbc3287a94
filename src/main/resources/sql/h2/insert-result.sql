-- Records one (connection, query) result. Written only while this worker still holds the job (the fence),
-- and at most once per (JobId, ConnectionId, QueryId): a retry after an unclear commit inserts nothing.
INSERT INTO monitoring.DatabaseMonitoringResults
    (JobId, ConnectionId, QueryId, WorkerInstanceId, Attempt, Environment, Provider, Status, ResultValue, ResultText, ResultRowCount, DurationMs, ErrorMessage, Details, QueryHash, ExecutedAt)
SELECT :#JobId, :#ConnectionId, :#QueryId, :#WorkerInstanceId, :#Attempt, :#Environment, :#Provider, :#Status, :#ResultValue, :#ResultText, :#ResultRowCount, :#DurationMs, :#ErrorMessage, :#Details, :#QueryHash,
       CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP)
 WHERE EXISTS (SELECT 1 FROM monitoring.WorkerJobs WHERE JobId = :#JobId AND WorkerInstanceId = :#WorkerInstanceId AND Attempt = :#Attempt AND Status = 'Running')
   AND NOT EXISTS (SELECT 1 FROM monitoring.DatabaseMonitoringResults
                    WHERE JobId = :#JobId AND ConnectionId = :#ConnectionId AND QueryId = :#QueryId)
