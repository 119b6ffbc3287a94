package dev.monitoringworker.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringworker.store.Row;
import dev.monitoringworker.threshold.Cells;
import dev.monitoringworker.threshold.ResultStatus;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies a batch of result rows to the alerts of their (connection, query) pairs, and to the per-key alerts of
 * DataSet queries with AlertKeyColumn/AlertValueColumn; and finds alerts whose runs stopped (Stale). Reads nothing
 * itself: takes the rule rows and stored states the routes read, and returns the rows to write. A query whose rule
 * columns cannot be used keeps its alerts as they are and says why in a WARN naming the query and column.
 */
public class AlertEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluator.class);
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final AlertRules defaults;
    private final ObjectMapper json;
    private final Instant startedAt = Instant.now();
    /** A missing AlertKeyColumn is said once per query and column, not once per run. */
    private final Set<String> warnedKeyColumns = ConcurrentHashMap.newKeySet();

    public AlertEvaluator(AlertRules defaults, ObjectMapper json) {
        this.defaults = defaults;
        this.json = json;
    }

    public AlertChanges evaluate(@Variable("results") List<Map<String, Object>> results, @Variable("alertRules") List<Map<String, Object>> ruleRows,
                                 @Variable("alertStates") List<Map<String, Object>> stateRows) {
        return evaluateAt(results, ruleRows, stateRows, Instant.now());
    }

    /** As {@link #evaluate}, with the runs observed at {@code now}: a backtest replays stored results at their own times. */
    AlertChanges evaluateAt(List<Map<String, Object>> results, List<Map<String, Object>> ruleRows, List<Map<String, Object>> stateRows,
                            Instant now) {
        Map<UUID, AlertRules> rules = new HashMap<>();
        for (Map<String, Object> r : ruleRows) {
            Row row = Row.of(r);
            AlertRules rule = rules(row);
            if (rule != null) {
                rules.put(row.uuid("QueryId"), rule);
            }
        }
        AlertBatch batch = new AlertBatch(stateRows);
        for (Map<String, Object> r : results) {
            Row row = Row.of(r);
            UUID connection = row.uuid("ConnectionId");
            UUID query = row.uuid("QueryId");
            AlertRules rule = rules.get(query);
            if (connection == null || rule == null) {
                continue;
            }
            ResultStatus status = ResultStatus.valueOf(row.string("Status"));
            boolean failed = status == ResultStatus.Error || status == ResultStatus.Timeout;
            if (!rule.keyed()) {
                if (rule.counter() && status == ResultStatus.Ok && row.decimal("ResultValue") == null) {
                    // a counter's first reading or a reset: no rate, nothing to judge
                    continue;
                }
                batch.observe(connection, query, "", rule, new Observation(now, status, row.decimal("ResultValue"), AlertRows.reason(row)));
            } else {
                // the thresholds judge each key's value; the query's own alert says whether it runs
                batch.observe(connection, query, "", rule, failed ? new Observation(now, status, null, AlertRows.reason(row))
                        : new Observation(now, ResultStatus.Ok, null, "the query runs; " + row.integer("ResultRowCount") + " row(s)"));
                if (!failed) {
                    observeKeys(batch, connection, query, rule, row, now);
                }
            }
        }
        return batch.changes();
    }

    /**
     * Alerts whose scheduled runs stopped: the rows of select-stale-alerts.sql (state, rule columns, IntervalSeconds,
     * SecondsSinceSeen on the store's clock). A worker counts only time it has been running itself, so a fleet that
     * was stopped does not turn every alert Stale when it starts again.
     */
    public AlertChanges stale(List<Map<String, Object>> rows) {
        return staleAfterUptime(rows, Duration.between(startedAt, Instant.now()).toSeconds());
    }

    AlertChanges staleAfterUptime(List<Map<String, Object>> rows, long uptime) {
        AlertBatch batch = new AlertBatch(rows);
        for (Map<String, Object> r : rows) {
            Row row = Row.of(r);
            AlertRules rule = rules(row);
            Integer interval = row.integer("IntervalSeconds");
            Number since = (Number) row.get("SecondsSinceSeen");
            if (rule == null || interval == null || interval <= 0 || since == null) {
                continue;
            }
            AlertTrack track = batch.track(row.uuid("ConnectionId"), row.uuid("QueryId"), row.string("RowKey"));
            Instant last = track.lastSeenAt() != null ? track.lastSeenAt() : track.since();
            AlertMachine.Step step = AlertMachine.checkStale(track, rule, Duration.ofSeconds(interval),
                    last.plusSeconds(Math.min(since.longValue(), uptime)));
            batch.absent(row.uuid("ConnectionId"), row.uuid("QueryId"), row.string("RowKey"), step);
        }
        return batch.changes();
    }

    /** Closes the open alerts of connections and queries disabled or deleted (select-retired-alerts.sql's rows), each saying why. */
    public AlertChanges retired(List<Map<String, Object>> rows) {
        AlertBatch batch = new AlertBatch(rows);
        Instant now = Instant.now();
        for (Map<String, Object> r : rows) {
            Row row = Row.of(r);
            String rowKey = row.string("RowKey") == null ? "" : row.string("RowKey");
            AlertTrack track = batch.track(row.uuid("ConnectionId"), row.uuid("QueryId"), rowKey);
            batch.absent(row.uuid("ConnectionId"), row.uuid("QueryId"), rowKey, AlertMachine.closed(track, now, "closed: " + whyRetired(row)));
        }
        return batch.changes();
    }

    static String whyRetired(Row row) {
        Integer connectionDeleted = row.integer("ConnectionDeleted");
        Integer queryDeleted = row.integer("QueryDeleted");
        if (connectionDeleted != null && connectionDeleted == 1) {
            return "its connection (ConnectionId " + row.uuid("ConnectionId") + ") was deleted";
        }
        if (queryDeleted != null && queryDeleted == 1) {
            return "its query (QueryId " + row.uuid("QueryId") + ") was deleted";
        }
        if (!row.flag("ConnectionEnabled", true)) {
            return "connection '" + row.string("ConnectionName") + "' was disabled";
        }
        return "query '" + row.string("QueryName") + "' was disabled";
    }

    private AlertRules rules(Row query) {
        try {
            return AlertRules.from(query, defaults);
        } catch (IllegalArgumentException e) {
            LOG.warn("Query '{}' ({}): alert rules not applied, its alerts keep their state: {}", query.string("QueryName"), query.uuid("QueryId"),
                    e.getMessage());
            return null;
        }
    }

    /** One alert per key among a DataSet result's rows; keys no longer returned go NoData (unless the rows were cut). */
    private void observeKeys(AlertBatch batch, UUID connection, UUID query, AlertRules rule, Row result, Instant now) {
        Map<String, Object> details = details(result);
        Object listed = details.get("rows");
        if (!(listed instanceof List<?> rows)) {
            return;
        }
        List<?> rates = rule.counter() && details.get("rates") instanceof List<?> listedRates ? listedRates : null;
        Set<String> seen = new LinkedHashSet<>();
        int index = -1;
        for (Object o : rows) {
            index++;
            if (!(o instanceof Map<?, ?> cells)) {
                continue;
            }
            Object key = AlertRows.cell(cells, rule.keyColumn());
            if (key == null) {
                if (seen.isEmpty() && !AlertRows.hasColumn(cells, rule.keyColumn())) {
                    if (warnedKeyColumns.add(query + "/" + rule.keyColumn())) {
                        LOG.warn("Query {} on connection {}: AlertKeyColumn '{}' is not among the columns it returns {}; no per-key alerts",
                                query, connection, rule.keyColumn(), cells.keySet());
                    }
                    return;
                }
                continue;
            }
            String rowKey = Cells.rowKey(key);
            Object raw = AlertRows.cell(cells, rule.valueColumn());
            Double value = AlertRows.number(raw);
            if (rates != null && value != null) {
                // a counter: its rate is judged; a key without one (its first reading, a reset) is seen but not judged
                value = index < rates.size() ? AlertRows.number(rates.get(index)) : null;
                if (value == null) {
                    seen.add(rowKey);
                    continue;
                }
            }
            Observation run = value != null ? new Observation(now, ResultStatus.Ok, value, rule.keyColumn() + " " + rowKey
                    + (rates != null ? ": " + value + " per second" : ": value " + value))
                    : new Observation(now, ResultStatus.Error, null, "AlertValueColumn '" + rule.valueColumn() + "' of key '" + rowKey + "' is "
                    + (raw == null ? "missing or NULL" : "not a number: '" + AlertRows.fit(String.valueOf(raw), 100) + "'"));
            if (seen.add(rowKey)) {
                batch.observe(connection, query, rowKey, rule, run);
            }
        }
        if (Boolean.TRUE.equals(details.get("truncated"))) {
            return;
        }
        for (String stored : batch.storedKeys(connection, query)) {
            if (!stored.isEmpty() && !seen.contains(stored)) {
                batch.absent(connection, query, stored, AlertMachine.vanished(batch.track(connection, query, stored), now));
            }
        }
    }

    private Map<String, Object> details(Row result) {
        String text = result.string("Details");
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(text, DETAILS);
        } catch (JsonProcessingException e) {
            LOG.warn("Result of query {} on connection {}: Details is not JSON, no per-key alerts: {}", result.uuid("QueryId"),
                    result.uuid("ConnectionId"), e.getOriginalMessage());
            return Map.of();
        }
    }
}
