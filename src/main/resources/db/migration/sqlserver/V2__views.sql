-- Dashboard views, SQL Server dialect: dropped and created, so a second run (or an older definition) is replaced.

IF OBJECT_ID(N'monitoring.vw_LatestResults', N'V') IS NOT NULL DROP VIEW monitoring.vw_LatestResults;
GO
CREATE VIEW monitoring.vw_LatestResults AS
SELECT r.ConnectionId, c.ConnectionName, r.QueryId, q.QueryName, r.Environment, r.Provider,
       r.Status, r.ResultValue, r.ResultText, r.ResultRowCount, r.ErrorMessage, r.DurationMs,
       r.ExecutedAt, r.JobId, r.WorkerInstanceId
FROM (SELECT d.*, ROW_NUMBER() OVER (PARTITION BY d.ConnectionId, d.QueryId ORDER BY d.ExecutedAt DESC) AS rn
      FROM monitoring.DatabaseMonitoringResults d) r
LEFT JOIN monitoring.DatabaseConnections c ON c.ConnectionId = r.ConnectionId
LEFT JOIN monitoring.DatabaseQueries q ON q.QueryId = r.QueryId
WHERE r.rn = 1;
GO

IF OBJECT_ID(N'monitoring.vw_WorkerHealth', N'V') IS NOT NULL DROP VIEW monitoring.vw_WorkerHealth;
GO
CREATE VIEW monitoring.vw_WorkerHealth AS
SELECT w.WorkerInstanceId, w.WorkerName, w.MachineName, w.ProcessId, w.Version, w.Environment, w.Status,
       w.StartedAt, w.LastHeartbeatAt, w.StoppedAt,
       DATEDIFF(SECOND, w.LastHeartbeatAt, SYSUTCDATETIME()) AS HeartbeatAgeSeconds,
       (SELECT COUNT(*) FROM monitoring.WorkerJobs j
         WHERE j.WorkerInstanceId = w.WorkerInstanceId AND j.Status = N'Running') AS RunningJobs
FROM monitoring.WorkerInstances w;
GO

IF OBJECT_ID(N'monitoring.vw_JobQueue', N'V') IS NOT NULL DROP VIEW monitoring.vw_JobQueue;
GO
CREATE VIEW monitoring.vw_JobQueue AS
SELECT Status, Priority, COUNT(*) AS JobCount, MIN(ScheduledAt) AS OldestScheduledAt, MAX(ScheduledAt) AS NewestScheduledAt
FROM monitoring.WorkerJobs
GROUP BY Status, Priority;
GO
