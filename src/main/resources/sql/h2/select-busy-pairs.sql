-- The (connection, query) pairs with a scheduled job not finished yet (Pending or Running), and since when the
-- oldest of them was due: the scheduler enqueues no further slot of such a pair, so a slow query never piles up
-- runs. Jobs enqueued by hand or through the API (no DedupeKey) do not hold the schedule back.
SELECT ConnectionId, QueryId, MIN(ScheduledAt) AS Since
  FROM monitoring.WorkerJobs
 WHERE DedupeKey IS NOT NULL AND Status IN ('Pending', 'Running')
   AND ConnectionId IS NOT NULL AND QueryId IS NOT NULL
 GROUP BY ConnectionId, QueryId
