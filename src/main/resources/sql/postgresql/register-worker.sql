-- Registers this worker process, Running from the start.
INSERT INTO monitoring.WorkerInstances
    (WorkerInstanceId, WorkerName, MachineName, ProcessId, Version, Environment, Status, StartedAt, LastHeartbeatAt, Configuration)
VALUES
    (:#WorkerInstanceId, :#WorkerName, :#MachineName, :#ProcessId, :#Version, :#Environment, 'Running', (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC'), :#Configuration)
