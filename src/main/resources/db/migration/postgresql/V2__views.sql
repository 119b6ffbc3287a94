-- Dashboard views, PostgreSQL dialect.

CREATE OR REPLACE VIEW monitoring.vw_LatestResults AS
SELECT r.ConnectionId, c.ConnectionName, r.QueryId, q.QueryName, r.Environment, r.Provider,
       r.Status, r.ResultValue, r.ResultText, r.ResultRowCount, r.ErrorMessage, r.DurationMs,
       r.ExecutedAt, r.JobId, r.WorkerInstanceId
FROM (SELECT d.*, ROW_NUMBER() OVER (PARTITION BY d.ConnectionId, d.QueryId ORDER BY d.ExecutedAt DESC) AS rn
      FROM monitoring.DatabaseMonitoringResults d) r
LEFT JOIN monitoring.DatabaseConnections c ON c.ConnectionId = r.ConnectionId
LEFT JOIN monitoring.DatabaseQueries q ON q.QueryId = r.QueryId
WHERE r.rn = 1;

CREATE OR REPLACE VIEW monitoring.vw_WorkerHealth AS
SELECT w.WorkerInstanceId, w.WorkerName, w.MachineName, w.ProcessId, w.Version, w.Environment, w.Status,
       w.StartedAt, w.LastHeartbeatAt, w.StoppedAt,
       CAST(EXTRACT(EPOCH FROM ((now() AT TIME ZONE 'UTC') - w.LastHeartbeatAt)) AS BIGINT) AS HeartbeatAgeSeconds,
       (SELECT COUNT(*) FROM monitoring.WorkerJobs j
         WHERE j.WorkerInstanceId = w.WorkerInstanceId AND j.Status = 'Running') AS RunningJobs
FROM monitoring.WorkerInstances w;

CREATE OR REPLACE VIEW monitoring.vw_JobQueue AS
SELECT Status, Priority, COUNT(*) AS JobCount, MIN(ScheduledAt) AS OldestScheduledAt, MAX(ScheduledAt) AS NewestScheduledAt
FROM monitoring.WorkerJobs
GROUP BY Status, Priority;
