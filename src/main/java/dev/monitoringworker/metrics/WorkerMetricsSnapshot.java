package dev.monitoringworker.metrics;

import dev.monitoringworker.job.InFlightJobs;
import dev.monitoringworker.worker.WorkerIdentity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The rows of WorkerMetrics, written by the record-worker-metrics route every interval in one batch: what the
 * worker's meters say happened since the previous snapshot. Heartbeat (uptime, jobs in flight), JobExecution
 * (jobs claimed, completed by outcome), Performance (mean query duration per provider, mean claim duration)
 * and Error (Error and Timeout results, expired leases).
 */
public class WorkerMetricsSnapshot {

    private final MeterRegistry registry;
    private final InFlightJobs inFlight;
    private final WorkerIdentity worker;
    private final long startedNanos = System.nanoTime();
    private final Map<String, Double> previous = new HashMap<>();

    public WorkerMetricsSnapshot(MeterRegistry registry, InFlightJobs inFlight, WorkerIdentity worker) {
        this.registry = registry;
        this.inFlight = inFlight;
        this.worker = worker;
    }

    public synchronized List<Map<String, Object>> rows() {
        UUID workerId = worker.id();
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row(workerId, "Heartbeat", "uptime", (System.nanoTime() - startedNanos) / 1e9, "seconds", null));
        rows.add(row(workerId, "Heartbeat", "jobs_in_flight", inFlight.size(), "jobs", null));

        double claimed = registry.find("monitoring.jobs.claimed").functionCounters().stream().mapToDouble(FunctionCounter::count).sum();
        rows.add(row(workerId, "JobExecution", "jobs_claimed", delta("claimed", claimed), "jobs", null));
        for (String status : List.of("Succeeded", "Retried", "Failed")) {
            double completed = registry.find("monitoring.jobs.completed").tag("status", status).counters().stream()
                    .mapToDouble(Counter::count).sum();
            rows.add(row(workerId, "JobExecution", "jobs_completed", delta("completed:" + status, completed), "jobs", "{\"status\":\"" + status + "\"}"));
        }

        Map<String, double[]> byProvider = new TreeMap<>();
        for (Timer t : registry.find("monitoring.query.duration").timers()) {
            byProvider.put(t.getId().getTag("provider"), new double[]{t.count(), t.totalTime(TimeUnit.MILLISECONDS)});
        }
        byProvider.forEach((provider, countAndTotal) -> {
            double runs = delta("runs:" + provider, countAndTotal[0]);
            double total = delta("runMs:" + provider, countAndTotal[1]);
            if (runs > 0) {
                rows.add(row(workerId, "Performance", "query_duration_mean", total / runs, "ms", "{\"provider\":\"" + provider + "\"}"));
            }
        });
        Timer claims = registry.find("monitoring.claim.duration").timer();
        if (claims != null) {
            double count = delta("claims", claims.count());
            double total = delta("claimMs", claims.totalTime(TimeUnit.MILLISECONDS));
            rows.add(row(workerId, "Performance", "claim_duration_mean", count > 0 ? total / count : 0, "ms", null));
        }

        for (String status : List.of("Error", "Timeout")) {
            double results = registry.find("monitoring.results").tag("status", status).counters().stream().mapToDouble(Counter::count).sum();
            rows.add(row(workerId, "Error", "results", delta("results:" + status, results), "results", "{\"status\":\"" + status + "\"}"));
        }
        double expired = registry.find("monitoring.lease.expired").counters().stream().mapToDouble(Counter::count).sum();
        rows.add(row(workerId, "Error", "lease_expired", delta("expired", expired), "jobs", null));
        return rows;
    }

    private double delta(String key, double now) {
        Double before = previous.put(key, now);
        return before == null ? now : now - before;
    }

    private static Map<String, Object> row(UUID workerId, String type, String name, double value, String unit, String tags) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("WorkerInstanceId", workerId);
        row.put("MetricType", type);
        row.put("MetricName", name);
        row.put("MetricValue", value);
        row.put("Unit", unit);
        row.put("Tags", tags);
        return row;
    }
}
