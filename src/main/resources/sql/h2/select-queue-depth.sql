-- Jobs waiting and running, across all workers, for the monitoring_queue_* gauges.
SELECT Status, COUNT(*) AS Jobs FROM monitoring.WorkerJobs WHERE Status IN ('Pending', 'Running') GROUP BY Status
