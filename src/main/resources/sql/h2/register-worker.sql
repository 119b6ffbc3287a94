-- Registers this worker process, Running from the start.
INSERT INTO monitoring.WorkerInstances
    (WorkerInstanceId, WorkerName, MachineName, ProcessId, Version, Environment, Status, StartedAt, LastHeartbeatAt, Configuration)
VALUES
    (:#WorkerInstanceId, :#WorkerName, :#MachineName, :#ProcessId, :#Version, :#Environment, 'Running', DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP), DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP), :#Configuration)
