package dev.monitoringworker.job;

import dev.monitoringworker.store.Row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The jobs this worker holds right now: claimed, queued, running, or run with the outcome not yet written.
 * Heartbeats extend the leases of these jobs only: a job whose claim's answer was lost, or that could not be
 * planned, keeps its lease running out and is reclaimed, instead of being kept alive by a worker that forgot it.
 * <p>
 * It also sizes claims. A worker holds at most {@code jobThreads + batchSize} queued or running jobs (plus the
 * run ones waiting for their outcomes' batch write), so a claimed job waits at most one batch behind the
 * running ones; a job held up by a slow target occupies one thread, never the claim loop, and the other
 * targets' jobs keep their cadence. Claiming can be paused (an operator's choice) and stopped for good (drain,
 * shutdown); a job released from the queue is never started here.
 */
public class InFlightJobs {

    private final Map<UUID, WorkerJob> held = new HashMap<>();
    private final Set<UUID> running = new HashSet<>();
    private final Set<UUID> recording = new HashSet<>();
    private final int jobThreads;
    private final int batchSize;
    private boolean paused;
    private boolean stopped;

    public InFlightJobs(int jobThreads, int batchSize) {
        this.jobThreads = jobThreads;
        this.batchSize = batchSize;
    }

    /** Called as soon as jobs are claimed. */
    public synchronized void held(List<WorkerJob> jobs) {
        jobs.forEach(j -> held.put(j.jobId(), j));
    }

    /** Claimed jobs this worker cannot run after all: their leases are left to run out. */
    public synchronized void released(List<WorkerJob> jobs) {
        jobs.forEach(j -> held.remove(j.jobId()));
        notifyAll();
    }

    /**
     * A job thread takes the job up, once fewer than {@code jobThreads} jobs run (a job's work goes on in the
     * work pool, so the queue's consumer threads alone would not bound it); false when the job was released
     * meanwhile (drain) and must not run.
     */
    public synchronized boolean start(WorkerJob job) throws InterruptedException {
        while (held.containsKey(job.jobId()) && running.size() >= jobThreads) {
            wait();
        }
        if (!held.containsKey(job.jobId())) {
            return false;
        }
        running.add(job.jobId());
        return true;
    }

    /** A job that failed: its attempt is recorded (or left to lease expiry) and it is let go. */
    public synchronized void finished(WorkerJob job) {
        held.remove(job.jobId());
        running.remove(job.jobId());
        recording.remove(job.jobId());
        notifyAll();
    }

    /** A job that ran: its thread is free, the job stays held (its lease extended) until its outcome is written. */
    public synchronized void ran(WorkerJob job) {
        if (running.remove(job.jobId()) && held.containsKey(job.jobId())) {
            recording.add(job.jobId());
        }
        notifyAll();
    }

    /** A batch of outcomes written (or given up on): their jobs are let go. */
    public synchronized void recorded(List<JobOutcome> outcomes) {
        outcomes.forEach(o -> finished(o.job()));
    }

    /** Takes back the jobs still waiting for a thread: they are not started here any more. */
    public synchronized List<WorkerJob> releaseQueued() {
        List<WorkerJob> queued = held.values().stream()
                .filter(j -> !running.contains(j.jobId()) && !recording.contains(j.jobId())).toList();
        queued.forEach(j -> held.remove(j.jobId()));
        notifyAll();
        return queued;
    }

    /** Takes back every job still held: their runs' late writes will find the fence closed. */
    public synchronized List<WorkerJob> releaseAll() {
        List<WorkerJob> all = List.copyOf(held.values());
        held.clear();
        running.clear();
        recording.clear();
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

    /** How many jobs to claim now: up to a batch, never more than the room left beside the held ones. */
    public synchronized int claimSize() {
        return paused || stopped ? 0 : Math.max(0, Math.min(batchSize, jobThreads + batchSize - unfinished()));
    }

    /**
     * After a full batch more jobs are probably due: waits (at most {@code maxWaitMs}) until half of the queued
     * batch has started, then answers {@link #claimSize()}: the next claim arrives while the rest still keeps the
     * threads busy. Zero ends the claim loop until the next poll.
     */
    public synchronized int nextClaimSize(long maxWaitMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxWaitMs;
        int refillAt = jobThreads + batchSize / 2;
        for (long left = maxWaitMs; !paused && !stopped && unfinished() > refillAt && left > 0; left = deadline - System.currentTimeMillis()) {
            wait(left);
        }
        return claimSize();
    }

    /** Held jobs queued or running; those only waiting for their outcome's batch write take no claim room. */
    private int unfinished() {
        return held.size() - recording.size();
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

    public synchronized int runningCount() {
        return running.size();
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
