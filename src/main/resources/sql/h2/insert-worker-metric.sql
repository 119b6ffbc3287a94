-- One row of this worker's own metrics; the record-worker-metrics route sends a snapshot's rows in one batch.
INSERT INTO monitoring.WorkerMetrics (WorkerInstanceId, MetricType, MetricName, MetricValue, Unit, Tags, RecordedAt)
VALUES (:#WorkerInstanceId, :#MetricType, :#MetricName, :#MetricValue, :#Unit, :#Tags, DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP))
