-- Records one (connection, query) result, after its job's completion in the same transaction: written only when
-- that completion took (the fence: the job row is Succeeded by this runner and attempt, and the completion's row
-- lock keeps it so until commit), and at most once per (JobId, ConnectionId, QueryId).
INSERT INTO monitoring.DatabaseMonitoringResults
    (JobId, ConnectionId, QueryId, WorkerInstanceId, Attempt, Environment, Provider, Status, ResultValue, ResultText, ResultRowCount, DurationMs, ErrorMessage, Details, QueryHash, ExecutedAt)
SELECT :#JobId, :#ConnectionId, :#QueryId, :#WorkerInstanceId, :#Attempt, :#Environment, :#Provider, :#Status, :#ResultValue, :#ResultText, :#ResultRowCount, :#DurationMs, :#ErrorMessage, :#Details, :#QueryHash,
       DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)
 WHERE EXISTS (SELECT 1 FROM monitoring.WorkerJobs WHERE JobId = :#JobId AND WorkerInstanceId = :#WorkerInstanceId AND Attempt = :#Attempt AND Status = 'Succeeded')
   AND NOT EXISTS (SELECT 1 FROM monitoring.DatabaseMonitoringResults
                    WHERE JobId = :#JobId AND ConnectionId = :#ConnectionId AND QueryId = :#QueryId)
