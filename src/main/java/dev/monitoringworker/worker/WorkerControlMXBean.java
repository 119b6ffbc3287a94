package dev.monitoringworker.worker;

/**
 * The worker over JMX, as {@code monitoring.worker:type=Worker,name="<worker name>"}: what it is doing, and
 * the operator's levers. Route-level control stays with Camel's own route MBeans.
 */
public interface WorkerControlMXBean {

    /** Running, Paused, Draining or Drained. */
    String getStatus();

    String getWorkerId();

    String getWorkerName();

    /** Jobs claimed and not finished: queued or running. */
    int getInFlightJobs();

    int getRunningJobs();

    /** Jobs claimed since start. */
    long getJobsClaimed();

    /** When the claim loop last asked the store for jobs (ISO-8601, UTC), or empty before the first poll. */
    String getLastPollTime();

    /** No more claims until {@link #resumeClaiming()}; jobs already claimed run on. */
    String pauseClaiming();

    String resumeClaiming();

    /**
     * Stops claiming for good, takes readiness down, hands queued jobs back to Pending, lets running jobs
     * finish within the drain bound (then hands them back too) and marks the worker Stopped. Returns at once;
     * {@link #getStatus()} tells when it is Drained.
     */
    String drain();
}
