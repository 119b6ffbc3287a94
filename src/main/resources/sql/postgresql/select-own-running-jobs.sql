-- The jobs the store holds Running under this worker. Read after a claim whose answer was lost: the ones this
-- worker does not hold were leased by that claim, and are taken up now instead of when their lease runs out.
SELECT * FROM monitoring.WorkerJobs WHERE WorkerInstanceId = :#WorkerInstanceId AND Status = 'Running'
