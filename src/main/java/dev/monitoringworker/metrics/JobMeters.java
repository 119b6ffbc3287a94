package dev.monitoringworker.metrics;

import dev.monitoringworker.job.JobBatch;
import dev.monitoringworker.job.WorkerJob;
import dev.monitoringworker.store.Row;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.apache.camel.component.sql.SqlConstants;

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

    /** After a batch's transaction committed: counts the jobs whose fenced completion took. */
    public void succeeded(@Variable("completed") Integer updated) {
        if (updated != null && updated > 0) {
            completed("Succeeded", updated);
        }
    }

    /** After fail-job for a batch's jobs that could not run: Failed at MaxAttempts, otherwise Retried. */
    public void failed(@Variable("batch") JobBatch batch, @Variable("failed") Integer updated) {
        attempts(batch.failedJobs(), updated);
    }

    /** After fail-job for a batch whose outcomes could not be written. */
    public void unwritten(@Variable("jobs") List<WorkerJob> jobs, @Header(SqlConstants.SQL_UPDATE_COUNT) Integer updated) {
        attempts(jobs, updated);
    }

    /** When only some of the fenced updates took, which ones is unknown: those are counted as Retried. */
    private void attempts(List<WorkerJob> jobs, Integer updated) {
        if (updated == null || updated == 0) {
            return;
        }
        if (updated < jobs.size()) {
            completed("Retried", updated);
            return;
        }
        jobs.forEach(j -> completed(j.attempt() >= j.maxAttempts() ? "Failed" : "Retried", 1));
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
