package dev.monitoringworker.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringworker.threshold.CounterReading;
import dev.monitoringworker.threshold.CounterSample;
import dev.monitoringworker.threshold.Evaluation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One work item's outcome as the parameters of insert-result.sql: one row of DatabaseMonitoringResults. */
final class ResultRows {

    static final int MAX_CELL_CHARS = 1000;

    /** Query texts seen lately and their SHA-256: every run of a query records the same hash. */
    private static final int HASHES_KEPT = 10_000;

    private final ObjectMapper json;
    private final Map<String, String> hashes = new ConcurrentHashMap<>();

    ResultRows(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param ranSql  the SQL text the run sent (a variant's, for a versioned query), whose hash the row records
     * @param circuit the connection's circuit breaker state after the run, null when the run never reached it
     * @param counter a counter query's readings (kept under {@link TargetExecution#COUNTER_SAMPLES} as the parameters of
     *                update-counter-sample.sql), null for a gauge
     */
    Map<String, Object> of(WorkItem item, String ranSql, Evaluation e, long durationMs, boolean plaintextConnectionString, String circuit,
                           CounterReading counter) throws JsonProcessingException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("JobId", item.run().jobId());
        row.put("ConnectionId", item.connection().connectionId());
        row.put("QueryId", item.query().queryId());
        row.put("WorkerInstanceId", item.run().workerInstanceId());
        row.put("Attempt", item.run().attempt());
        row.put("Environment", item.connection().environment());
        row.put("Provider", canonical(item.connection().provider()));
        row.put("Status", e.status().name());
        row.put("ResultValue", e.value());
        row.put("ResultText", truncate(e.text(), 4000));
        row.put("ResultRowCount", e.rowCount());
        row.put("DurationMs", durationMs);
        row.put("ErrorMessage", e.failed() ? truncate(e.reason(), 4000) : null);
        row.put("Details", details(e, plaintextConnectionString, circuit, counter));
        row.put("QueryHash", queryHash(ranSql));
        row.put(TargetExecution.QUERY_TEXT, ranSql);
        if (counter != null && !counter.samples().isEmpty()) {
            row.put(TargetExecution.COUNTER_SAMPLES, counter.samples().stream().map(sample -> sampleRow(item, sample)).toList());
        }
        return row;
    }

    private static Map<String, Object> sampleRow(WorkItem item, CounterSample sample) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ConnectionId", item.connection().connectionId());
        p.put("QueryId", item.query().queryId());
        p.put("RowKey", sample.rowKey());
        p.put("CounterValue", sample.value());
        p.put("SampledAtMs", sample.atMs());
        return p;
    }

    private String details(Evaluation e, boolean plaintextConnectionString, String circuit, CounterReading counter) throws JsonProcessingException {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", e.reason());
        if (circuit != null) {
            details.put("circuit", circuit);
        }
        if (plaintextConnectionString) {
            details.put("plaintextConnectionString", true);
        }
        if (!e.rows().isEmpty() || e.truncated()) {
            details.put("rows", e.rows().stream().map(ResultRows::readable).toList());
            details.put("truncated", e.truncated());
        }
        if (counter != null) {
            details.putAll(counter.details());
        }
        return json.writeValueAsString(details);
    }

    /** A DataSet row as kept in Details: binary cells described, very wide text cut, so a row stays readable. */
    private static Map<String, Object> readable(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            if (value instanceof byte[] bytes) {
                out.put(column, "<binary, " + bytes.length + " bytes>");
            } else if (value instanceof CharSequence text && text.length() > MAX_CELL_CHARS) {
                out.put(column, text.subSequence(0, MAX_CELL_CHARS) + "... (" + text.length() + " characters)");
            } else {
                out.put(column, value);
            }
        });
        return out;
    }

    /** The provider's canonical name (MariaDB and MySQL both record MySQL), or the row's text if unknown. */
    private static String canonical(String provider) {
        try {
            return Provider.parse(provider).name();
        } catch (IllegalArgumentException unknown) {
            return provider;
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    private String queryHash(String sql) {
        if (sql == null) {
            return null;
        }
        if (hashes.size() > HASHES_KEPT) {
            hashes.clear();
        }
        return hashes.computeIfAbsent(sql, Sha256::hex);
    }
}
