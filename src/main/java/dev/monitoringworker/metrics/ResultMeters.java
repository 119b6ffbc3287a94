package dev.monitoringworker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.Variable;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code monitoring_results_total{status,provider}}: every result row the store accepted, and
 * {@code monitoring_query_duration_seconds{provider}}: how long its run took (histogram).
 */
public class ResultMeters {

    private final MeterRegistry registry;

    public ResultMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts the rows of a committed batch; a batch the fence rejected (nothing inserted) counts nothing. */
    public void persisted(@Variable("results") List<Map<String, Object>> rows, @Variable("resultsInserted") Integer inserted) {
        if (inserted == null || inserted == 0) {
            return;
        }
        for (Map<String, Object> row : rows) {
            Counter.builder("monitoring.results")
                    .description("Monitoring results persisted, by status and provider")
                    .tag("status", String.valueOf(row.get("Status")))
                    .tag("provider", String.valueOf(row.get("Provider")))
                    .register(registry)
                    .increment();
            if (row.get("DurationMs") instanceof Number ms) {
                Timer.builder("monitoring.query.duration")
                        .description("Duration of monitoring runs on targets, by provider")
                        .tag("provider", String.valueOf(row.get("Provider")))
                        .publishPercentileHistogram()
                        .register(registry)
                        .record(Duration.ofMillis(ms.longValue()));
            }
        }
    }
}
