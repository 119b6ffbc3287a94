-- How many days of results, metrics and finished jobs to keep (read on every retention run).
SELECT ConfigValue FROM monitoring.Config WHERE ConfigKey = 'MonitoringWorker.RetentionDays'
