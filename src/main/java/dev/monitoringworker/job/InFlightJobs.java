package dev.monitoringworker.job;

import dev.monitoringworker.store.Row;
import org.apache.camel.Body;
import org.apache.camel.Variable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The jobs this worker holds right now, from claim to write: claimed batches waiting for a batch thread, batches
 * running, and batches whose outcomes are being written. Heartbeats extend the leases of these jobs only: a job
 * whose claim's answer was lost, or that could not be planned, keeps its lease running out and is reclaimed,
 * instead of being kept alive by a worker that forgot it.
 * <p>
 * One bound covers all of it: {@code jobThreads + batchSize} jobs. Claims are sized to the room left under it, so
 * a writer that falls behind makes claiming wait, and a worker killed at any moment leaves at most that many jobs
 * to run again. Claiming can be paused (an operator's choice) and stopped for good (drain, shutdown); a batch
 * released while it waited for a thread is never started here.
 */
public class InFlightJobs {

    private final Map<UUID, WorkerJob> held = new LinkedHashMap<>();
    private final Set<UUID> started = new HashSet<>();
    private final int bound;
    private final int batchSize;
    private final long refillWaitMs;
    private boolean paused;
    private boolean stopped;

    public InFlightJobs(int jobThreads, int batchSize, long refillWaitMs) {
        this.bound = jobThreads + batchSize;
        this.batchSize = batchSize;
        this.refillWaitMs = refillWaitMs;
    }

    /** The most jobs this worker holds at once. */
    public int bound() {
        return bound;
    }

    /** Called as soon as jobs are claimed. */
    public synchronized void held(@Body List<WorkerJob> jobs) {
        jobs.forEach(j -> held.put(j.jobId(), j));
    }

    /**
     * A batch thread takes a claimed batch up: of its jobs, those still held (a drain may have handed some back
     * while the batch waited) are started and returned.
     */
    public synchronized List<WorkerJob> start(@Body List<WorkerJob> batch) {
        List<WorkerJob> startable = batch.stream().filter(j -> held.containsKey(j.jobId())).toList();
        startable.forEach(j -> started.add(j.jobId()));
        return startable;
    }

    /** A batch written, given up on or left to lease expiry: its jobs are let go. */
    public synchronized void finished(@Variable("jobs") List<WorkerJob> jobs) {
        jobs.forEach(j -> {
            held.remove(j.jobId());
            started.remove(j.jobId());
        });
        notifyAll();
    }

    /** Takes back the jobs of batches still waiting for a thread: they are not started here any more. */
    public synchronized List<WorkerJob> releaseQueued() {
        List<WorkerJob> queued = held.values().stream().filter(j -> !started.contains(j.jobId())).toList();
        queued.forEach(j -> held.remove(j.jobId()));
        notifyAll();
        return queued;
    }

    /** Takes back every job still held: their runs' late writes will find the fence closed. */
    public synchronized List<WorkerJob> releaseAll() {
        List<WorkerJob> all = List.copyOf(held.values());
        held.clear();
        started.clear();
        notifyAll();
        return all;
    }

    /** Waits until no job is held, at most {@code maxWaitMs}; true when none is. */
    public synchronized boolean awaitIdle(long maxWaitMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxWaitMs;
        for (long left = maxWaitMs; !held.isEmpty() && left > 0; left = deadline - System.currentTimeMillis()) {
            wait(left);
        }
        return held.isEmpty();
    }

    /** Of the store's rows of jobs Running under this worker, those this worker does not hold. */
    public synchronized List<Map<String, Object>> unheld(List<Map<String, Object>> runningRows) {
        return runningRows.stream().filter(r -> !held.containsKey(Row.of(r).uuid("JobId"))).toList();
    }

    /** How many jobs to claim now: up to a batch, never more than the room left under the bound. */
    public synchronized int claimSize() {
        return paused || stopped ? 0 : Math.max(0, Math.min(batchSize, bound - held.size()));
    }

    /**
     * The size of the next claim of one poll: zero when the last claim came back short (nothing more is due), or
     * claiming was paused or stopped. After a full batch more jobs are probably due: waits, at most the poll
     * interval, until there is room for half a batch, so that claims stay batches while the writer keeps
     * up, and claiming waits while it does not; then claims what room there is.
     */
    public synchronized int nextClaimSize(@Variable("claimSize") int requested, @Variable("claimed") int claimed) throws InterruptedException {
        if (claimed < requested) {
            return 0;
        }
        long deadline = System.currentTimeMillis() + refillWaitMs;
        int room = Math.max(1, batchSize / 2);
        for (long left = refillWaitMs; !paused && !stopped && bound - held.size() < room && left > 0; left = deadline - System.currentTimeMillis()) {
            wait(left);
        }
        return claimSize();
    }

    public synchronized void pauseClaiming() {
        paused = true;
        notifyAll();
    }

    public synchronized void resumeClaiming() {
        paused = false;
    }

    /** Drain and shutdown: no more claims, for good. */
    public synchronized void stopClaiming() {
        stopped = true;
        notifyAll();
    }

    public synchronized int size() {
        return held.size();
    }

    /** Held jobs whose batch has started (running or being written). */
    public synchronized int runningCount() {
        return started.size();
    }

    /** Parameters of extend-leases.sql. */
    public synchronized Map<String, Object> leaseParameters(UUID workerId, int leaseSeconds) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("WorkerInstanceId", workerId);
        p.put("LeaseSeconds", leaseSeconds);
        p.put("JobIds", new ArrayList<>(held.keySet()));
        return p;
    }

    public static boolean any(Map<String, Object> leaseParameters) {
        return !((List<?>) leaseParameters.get("JobIds")).isEmpty();
    }
}
