-- Jobs waiting and running, across all workers, for the monitoring_queue_* gauges; and alert changes still to be
-- sent (not given up), for monitoring_notifications_pending.
SELECT Status, COUNT(*) AS Jobs FROM monitoring.WorkerJobs WHERE Status IN ('Pending', 'Running') GROUP BY Status
UNION ALL
SELECT 'Notifying' AS Status, COUNT(*) AS Jobs FROM monitoring.AlertEvents WHERE Notifies AND NotifiedAt IS NULL AND NextNotifyAt IS NOT NULL
