package dev.monitoringworker.metrics;

import dev.monitoringworker.job.JobOutcome;
import dev.monitoringworker.job.WorkerJob;
import dev.monitoringworker.store.Row;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The queue's meters: {@code monitoring_jobs_completed_total{status}} (Succeeded, Retried, Failed),
 * {@code monitoring_lease_expired_total}, and the gauges {@code monitoring_queue_pending} and
 * {@code monitoring_queue_running} (the store's counts, read by the record-worker-metrics route).
 */
public class JobMeters {

    private final MeterRegistry registry;
    private final Counter leaseExpired;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong running = new AtomicLong();

    public JobMeters(MeterRegistry registry) {
        this.registry = registry;
        this.leaseExpired = Counter.builder("monitoring.lease.expired")
                .description("Jobs whose lease expired and that were handed back by the reaper").register(registry);
        Gauge.builder("monitoring.queue.pending", pending, AtomicLong::doubleValue)
                .description("Pending jobs in the store, due or not").register(registry);
        Gauge.builder("monitoring.queue.running", running, AtomicLong::doubleValue)
                .description("Running jobs in the store, on any worker").register(registry);
    }

    /** After a batch of complete-job: counts the jobs whose fenced update took. */
    public void succeeded(Integer updated) {
        if (updated != null && updated > 0) {
            completed("Succeeded", updated);
        }
    }

    /** After fail-job: Failed at MaxAttempts, otherwise Retried. */
    public void failed(WorkerJob job, Integer updated) {
        if (updated != null && updated > 0) {
            completed(job.attempt() >= job.maxAttempts() ? "Failed" : "Retried", 1);
        }
    }

    /**
     * After fail-job for a batch whose outcomes could not be written. When only some of the fenced updates took,
     * which ones is unknown: those are counted as Retried.
     */
    public void unwritten(List<JobOutcome> outcomes, Integer updated) {
        if (updated == null || updated == 0) {
            return;
        }
        if (updated < outcomes.size()) {
            completed("Retried", updated);
            return;
        }
        outcomes.forEach(o -> failed(o.job(), 1));
    }

    public void leasesExpired(Integer count) {
        if (count != null && count > 0) {
            leaseExpired.increment(count);
        }
    }

    /** The rows of select-queue-depth.sql: Status and Jobs. */
    public void queue(List<Map<String, Object>> rows) {
        long p = 0;
        long r = 0;
        for (Map<String, Object> row : rows) {
            Row values = Row.of(row);
            long n = values.integer("Jobs");
            switch (values.string("Status")) {
                case "Pending" -> p = n;
                case "Running" -> r = n;
                default -> { }
            }
        }
        pending.set(p);
        running.set(r);
    }

    private void completed(String status, int jobs) {
        Counter.builder("monitoring.jobs.completed").description("Job attempts recorded, by outcome")
                .tag("status", status).register(registry).increment(jobs);
    }
}
