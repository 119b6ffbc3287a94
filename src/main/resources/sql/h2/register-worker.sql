-- Registers this worker process, Running from the start.
INSERT INTO monitoring.WorkerInstances
    (WorkerInstanceId, WorkerName, MachineName, ProcessId, Version, Environment, Status, StartedAt, LastHeartbeatAt, Configuration)
VALUES
    (:#WorkerInstanceId, :#WorkerName, :#MachineName, :#ProcessId, :#Version, :#Environment, 'Running', CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP), CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP), :#Configuration)
