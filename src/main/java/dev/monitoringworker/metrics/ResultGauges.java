package dev.monitoringworker.metrics;

import dev.monitoringworker.store.Row;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest value and alert state of every enabled (connection, query) — and of every key of a per-key DataSet query
 * (AlertKeyColumn / AlertValueColumn) — as gauges, what sql_exporter and query-exporter export:
 * {@code monitoring_result_value} and {@code monitoring_result_status} {connection, query, environment, key} (key
 * empty for the pair itself; status 0 Ok, 1 Warning, 2 Critical, 3 Unknown, 4 Stale). Read from the store's
 * AlertStates by the export-result-values route, so every replica exports the same values whichever ran the check.
 * A series whose connection or query is disabled, deleted or renamed, or whose key stopped coming back (NoData), is
 * gone at the next read. At most {@code monitoring.metrics.value-series-max} series are exported: beyond it the rest
 * are not, and a WARN says so once until there is room again.
 */
public class ResultGauges {

    private static final Logger LOG = LoggerFactory.getLogger(ResultGauges.class);
    private static final Map<String, Integer> STATUS_CODES = Map.of("Ok", 0, "Warning", 1, "Critical", 2, "Unknown", 3, "Stale", 4);

    private final MeterRegistry registry;
    private final int maxSeries;
    private final Map<Tags, Series> series = new LinkedHashMap<>();
    private boolean capReported;

    public ResultGauges(MeterRegistry registry, int maxSeries) {
        this.registry = registry;
        this.maxSeries = maxSeries;
    }

    /** One exported (connection, query, key): its latest value and status, and its two gauges. */
    private static final class Series {
        volatile double value = Double.NaN;
        volatile double status = Double.NaN;
        Gauge valueGauge;
        Gauge statusGauge;
    }

    /** The rows of select-result-values.sql (ConnectionName, QueryName, Environment, RowKey, LastValue, State): all of them, each time. */
    public synchronized void export(List<Map<String, Object>> rows) {
        Map<Tags, Row> current = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            Row row = Row.of(r);
            current.put(Tags.of("connection", text(row.string("ConnectionName")), "query", text(row.string("QueryName")),
                    "environment", text(row.string("Environment")), "key", text(row.string("RowKey"))), row);
        }
        for (Iterator<Map.Entry<Tags, Series>> it = series.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Tags, Series> e = it.next();
            if (!current.containsKey(e.getKey())) {
                registry.remove(e.getValue().valueGauge);
                registry.remove(e.getValue().statusGauge);
                it.remove();
            }
        }
        int left = 0;
        for (Map.Entry<Tags, Row> e : current.entrySet()) {
            Series s = series.get(e.getKey());
            if (s == null) {
                if (series.size() >= maxSeries) {
                    left++;
                    continue;
                }
                s = register(e.getKey());
            }
            Double value = e.getValue().decimal("LastValue");
            Integer status = STATUS_CODES.get(e.getValue().string("State"));
            s.value = value == null ? Double.NaN : value;
            s.status = status == null ? Double.NaN : status;
        }
        if (left > 0 && !capReported) {
            LOG.warn("monitoring_result_value: the cap of {} series (monitoring.metrics.value-series-max) is reached; {} more "
                    + "(connection, query, key) are not exported", maxSeries, left);
        }
        capReported = left > 0;
    }

    /** How many (connection, query, key) series are exported. */
    public synchronized int size() {
        return series.size();
    }

    private Series register(Tags tags) {
        Series s = new Series();
        s.valueGauge = Gauge.builder("monitoring.result.value", s, x -> x.value)
                .description("Latest value of an enabled (connection, query), or of one key of a per-key query")
                .tags(tags).strongReference(true).register(registry);
        s.statusGauge = Gauge.builder("monitoring.result.status", s, x -> x.status)
                .description("Alert state of an enabled (connection, query) or key: 0 Ok, 1 Warning, 2 Critical, 3 Unknown, 4 Stale")
                .tags(tags).strongReference(true).register(registry);
        series.put(tags, s);
        return s;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
