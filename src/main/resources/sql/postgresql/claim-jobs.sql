-- Claims up to BatchSize due jobs in one statement, most urgent first, and leases them to this worker. The statement
-- is the function monitoring.claim_jobs (migration V12), which walks the claim index in order whatever the table's
-- statistics say; it returns only what a claimed job is planned and fenced with.
SELECT JobId, JobName, JobType, Priority, ConnectionId, QueryId, Environment, Parameters, WorkerInstanceId, Attempt, MaxAttempts, Status, LeaseExpiresAt
  FROM monitoring.claim_jobs(CAST(:#WorkerInstanceId AS UUID), CAST(:#LeaseSeconds AS INTEGER), CAST(:#BatchSize AS INTEGER))
