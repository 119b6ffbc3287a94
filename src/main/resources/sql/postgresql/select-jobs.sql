-- The state of a batch's jobs, read back when fewer of its completions took than were sent.
SELECT JobId, Status, WorkerInstanceId, Attempt
  FROM monitoring.WorkerJobs
 WHERE JobId IN (:#in:JobIds)
