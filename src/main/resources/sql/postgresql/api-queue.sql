-- The queue's depth by status and priority.
SELECT Status, Priority, JobCount, OldestScheduledAt
  FROM monitoring.vw_JobQueue
 ORDER BY Status, Priority
