-- Jobs waiting and running, across all workers, for the monitoring_queue_* gauges; and alert changes still to be
-- sent (not given up), for monitoring_notifications_pending.
SELECT Status, COUNT(*) AS Jobs FROM monitoring.WorkerJobs WHERE Status IN (N'Pending', N'Running') GROUP BY Status
UNION ALL
SELECT N'Notifying' AS Status, COUNT(*) AS Jobs FROM monitoring.AlertEvents WHERE Notifies = 1 AND NotifiedAt IS NULL AND NextNotifyAt IS NOT NULL
