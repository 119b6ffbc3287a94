package dev.monitoringworker.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides the purge-old-rows route's parameters from the Config row {@code MonitoringWorker.RetentionDays},
 * counts what each batch removed ({@code monitoring_retention_deleted_total{table}}) and reports each run.
 */
public class Retention {

    /** SQL Server escalates to a table lock at about 5,000 locks in one statement: stay below it. */
    public static final int MAX_BATCH = 4000;
    /** Results, worker metrics, finished jobs, settled alert events, the alert states of deleted pairs, then old counter readings. */
    static final List<String> STATEMENTS = List.of("purge-results", "purge-worker-metrics", "purge-finished-jobs", "purge-alert-events",
            "purge-orphan-alert-states", "purge-counter-samples");
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final int batchSize;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> run = new LinkedHashMap<>();
    private final Map<String, AtomicLong> total = new ConcurrentHashMap<>();
    private final AtomicInteger largestBatch = new AtomicInteger();
    private int runBatches;
    private int days;

    public Retention(int batchSize, MeterRegistry meters) {
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("monitoring.retention.batch-size " + batchSize + " must be between 1 and " + MAX_BATCH);
        }
        this.batchSize = batchSize;
        this.meters = meters;
        STATEMENTS.forEach(statement -> counter(statement));
    }

    /** The purge statements of a run, in order (sql/&lt;dialect&gt;/&lt;statement&gt;.sql). */
    public List<String> statements() {
        return STATEMENTS;
    }

    private Counter counter(String statement) {
        return Counter.builder("monitoring.retention.deleted").description("Rows removed by retention, by statement")
                .tag("statement", statement).register(meters);
    }

    /**
     * Starts a run with the Config value; parameters of the purge statements.
     *
     * @throws IllegalArgumentException naming the row when the value is missing or not a positive number of days
     */
    public synchronized Map<String, Object> start(Object configValue) {
        String text = configValue == null ? null : configValue.toString().trim();
        try {
            days = Integer.parseInt(text);
        } catch (NumberFormatException | NullPointerException e) {
            days = 0;
        }
        if (days < 1) {
            throw new IllegalArgumentException("Config row MonitoringWorker.RetentionDays: ConfigValue " + (text == null ? "is missing"
                    : "'" + text + "' is not a positive whole number of days") + "; nothing was purged");
        }
        run.clear();
        runBatches = 0;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("RetentionDays", days);
        p.put("BatchSize", batchSize);
        // CounterSamples keep the worker's clock in epoch milliseconds
        p.put("CutoffEpochMs", System.currentTimeMillis() - days * 86_400_000L);
        return p;
    }

    /** One purge statement's count; true while full batches come back (more may be due). */
    public synchronized boolean deleted(String statement, Integer count) {
        int n = count == null ? 0 : count;
        run.computeIfAbsent(statement, s -> new AtomicLong()).addAndGet(n);
        total.computeIfAbsent(statement, s -> new AtomicLong()).addAndGet(n);
        largestBatch.accumulateAndGet(n, Math::max);
        runBatches++;
        if (n > 0) {
            counter(statement).increment(n);
        }
        return n == batchSize;
    }

    public synchronized void report() {
        LOG.info("Retention ({} days): removed {} in {} statement(s) of at most {} rows", days, run, runBatches, batchSize);
    }

    /** Rows removed per purge statement since start. */
    public Map<String, Long> totals() {
        Map<String, Long> out = new LinkedHashMap<>();
        total.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public int largestBatch() {
        return largestBatch.get();
    }
}
