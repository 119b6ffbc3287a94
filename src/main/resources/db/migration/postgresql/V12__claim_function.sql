-- The claim as a function, planned in the order of IX_WorkerJobs_Claim whatever the table's statistics say. Right after
-- a burst of new jobs (a catalog enabled, a backlog after a store outage) the statistics still count few pending jobs,
-- and the planner then reads and sorts every pending job on each claim (a bitmap scan and a sort), so that a drain's
-- claims cost more the longer its backlog. Walking the index in order, a claim reads the jobs it takes and the ones
-- it skips. SKIP LOCKED lets any number of workers claim side by side without waiting for each other's rows.
-- claim-jobs.sql calls it; the columns returned are what a claimed job is planned and fenced with.
CREATE OR REPLACE FUNCTION monitoring.claim_jobs(p_worker UUID, p_lease_seconds INTEGER, p_batch_size INTEGER)
    RETURNS TABLE (JobId UUID, JobName VARCHAR, JobType VARCHAR, Priority INTEGER, ConnectionId UUID, QueryId UUID,
                   Environment VARCHAR, Parameters TEXT, WorkerInstanceId UUID, Attempt INTEGER, MaxAttempts INTEGER,
                   Status VARCHAR, LeaseExpiresAt TIMESTAMP)
    LANGUAGE plpgsql
    SET enable_bitmapscan = off
    SET enable_sort = off
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    WITH claimed AS (
        UPDATE monitoring.WorkerJobs w
           SET Status = 'Running', WorkerInstanceId = p_worker, Attempt = w.Attempt + 1,
               StartedAt = (now() AT TIME ZONE 'UTC'), CompletedAt = NULL,
               LeaseExpiresAt = (now() AT TIME ZONE 'UTC') + p_lease_seconds * INTERVAL '1 second',
               ModifiedAt = (now() AT TIME ZONE 'UTC'), ModifiedBy = current_user
         WHERE w.JobId IN (SELECT d.JobId FROM monitoring.WorkerJobs d
                            WHERE d.Status = 'Pending' AND d.ScheduledAt <= (now() AT TIME ZONE 'UTC')
                              AND (d.NextAttemptAt IS NULL OR d.NextAttemptAt <= (now() AT TIME ZONE 'UTC'))
                              AND (d.WorkerInstanceId IS NULL OR d.WorkerInstanceId = p_worker)
                            ORDER BY d.Priority, d.ScheduledAt
                            LIMIT p_batch_size
                            FOR UPDATE SKIP LOCKED)
        RETURNING w.JobId, w.JobName, w.JobType, w.Priority, w.ConnectionId, w.QueryId, w.Environment, w.Parameters,
                  w.WorkerInstanceId, w.Attempt, w.MaxAttempts, w.Status, w.LeaseExpiresAt)
    -- cast to the declared types: RETURN QUERY wants them exactly, and an adopted table may declare a column otherwise
    SELECT c.JobId::UUID, c.JobName::VARCHAR, c.JobType::VARCHAR, c.Priority::INTEGER, c.ConnectionId::UUID,
           c.QueryId::UUID, c.Environment::VARCHAR, c.Parameters::TEXT, c.WorkerInstanceId::UUID, c.Attempt::INTEGER,
           c.MaxAttempts::INTEGER, c.Status::VARCHAR, c.LeaseExpiresAt::TIMESTAMP
      FROM claimed c;
END
$$;
