package dev.monitoringworker.job;

import dev.monitoringworker.store.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The jobs this worker holds right now: claimed, queued or running. Heartbeats extend the leases of
 * these jobs only: a job whose claim's answer was lost, or that the route never handed on, keeps its lease
 * running out and is reclaimed, instead of being kept alive by a worker that forgot it.
 * <p>
 * It also sizes claims. A worker holds at most {@code jobThreads + batchSize} jobs, so a claimed job waits at
 * most one batch behind the running ones; a job held up by a slow target occupies one thread, never the
 * claim loop, and the other targets' jobs keep their cadence.
 */
public class InFlightJobs {

    private final Set<UUID> held = new java.util.HashSet<>();
    private final int jobThreads;
    private final int batchSize;
    private boolean claiming = true;

    public InFlightJobs(int jobThreads, int batchSize) {
        this.jobThreads = jobThreads;
        this.batchSize = batchSize;
    }

    /** Called as soon as jobs are claimed. */
    public synchronized void held(List<WorkerJob> jobs) {
        jobs.forEach(j -> held.add(j.jobId()));
    }

    /** Claimed jobs this worker cannot run after all: their leases are left to run out. */
    public synchronized void released(List<WorkerJob> jobs) {
        jobs.forEach(j -> held.remove(j.jobId()));
        notifyAll();
    }

    public synchronized void started(WorkerJob job) {
        held.add(job.jobId());
    }

    public synchronized void finished(WorkerJob job) {
        held.remove(job.jobId());
        notifyAll();
    }

    /** Of the store's rows of jobs Running under this worker, those this worker does not hold. */
    public synchronized List<Map<String, Object>> unheld(List<Map<String, Object>> runningRows) {
        return runningRows.stream().filter(r -> !held.contains(Row.of(r).uuid("JobId"))).toList();
    }

    /** How many jobs to claim now: up to a batch, never more than the room left beside the held ones. */
    public synchronized int claimSize() {
        return claiming ? Math.max(0, Math.min(batchSize, jobThreads + batchSize - held.size())) : 0;
    }

    /**
     * After a full batch more jobs are probably due: waits (at most {@code maxWaitMs}) until the queued jobs
     * have started, then answers {@link #claimSize()}. Zero ends the claim loop until the next poll.
     */
    public synchronized int nextClaimSize(long maxWaitMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxWaitMs;
        for (long left = maxWaitMs; claiming && held.size() > jobThreads && left > 0; left = deadline - System.currentTimeMillis()) {
            wait(left);
        }
        return claimSize();
    }

    /** At shutdown: no more claims; the jobs already held still run. */
    public synchronized void stopClaiming() {
        claiming = false;
        notifyAll();
    }

    public synchronized int size() {
        return held.size();
    }

    /** Parameters of extend-leases.sql. */
    public synchronized Map<String, Object> leaseParameters(UUID workerId, int leaseSeconds) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("WorkerInstanceId", workerId);
        p.put("LeaseSeconds", leaseSeconds);
        p.put("JobIds", new ArrayList<>(held));
        return p;
    }

    public static boolean any(Map<String, Object> leaseParameters) {
        return !((List<?>) leaseParameters.get("JobIds")).isEmpty();
    }
}
