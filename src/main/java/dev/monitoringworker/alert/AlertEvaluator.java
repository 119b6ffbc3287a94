package dev.monitoringworker.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringworker.store.Row;
import dev.monitoringworker.threshold.ResultStatus;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.apache.camel.Variables;
import org.apache.camel.component.sql.SqlConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    private static final int MAX_KEY_CHARS = 400;

    private final AlertRules defaults;
    private final ObjectMapper json;
    private final Instant startedAt = Instant.now();
    /** A missing AlertKeyColumn is said once per query and column, not once per run. */
    private final Set<String> warnedKeyColumns = ConcurrentHashMap.newKeySet();

    public AlertEvaluator(AlertRules defaults, ObjectMapper json) {
        this.defaults = defaults;
        this.json = json;
    }

    /** Parameters of select-alert-rules.sql and select-alert-states.sql: the batch's queries and connections. */
    public Map<String, Object> keys(@Variable("results") List<Map<String, Object>> results) {
        Set<UUID> connections = new LinkedHashSet<>();
        Set<UUID> queries = new LinkedHashSet<>();
        for (Map<String, Object> r : results) {
            Row row = Row.of(r);
            if (row.uuid("ConnectionId") != null && row.uuid("QueryId") != null) {
                connections.add(row.uuid("ConnectionId"));
                queries.add(row.uuid("QueryId"));
            }
        }
        Map<String, Object> p = new HashMap<>();
        p.put("ConnectionIds", connections.isEmpty() ? List.of(new UUID(0, 0)) : new ArrayList<>(connections));
        p.put("QueryIds", queries.isEmpty() ? List.of(new UUID(0, 0)) : new ArrayList<>(queries));
        return p;
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
        Batch batch = new Batch(stateRows);
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
                batch.observe(connection, query, "", rule, new Observation(now, status, row.decimal("ResultValue"), reason(row)));
            } else {
                // the thresholds judge each key's value; the query's own alert says whether it runs
                batch.observe(connection, query, "", rule, failed ? new Observation(now, status, null, reason(row))
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
        Batch batch = new Batch(rows);
        for (Map<String, Object> r : rows) {
            Row row = Row.of(r);
            AlertRules rule = rules(row);
            Integer interval = row.integer("IntervalSeconds");
            Number since = (Number) row.get("SecondsSinceSeen");
            if (rule == null || interval == null || interval <= 0 || since == null) {
                continue;
            }
            String key = key(row.uuid("ConnectionId"), row.uuid("QueryId"), row.string("RowKey"));
            AlertTrack track = batch.tracks.get(key);
            Instant last = track.lastSeenAt() != null ? track.lastSeenAt() : track.since();
            AlertMachine.Step step = AlertMachine.checkStale(track, rule, Duration.ofSeconds(interval),
                    last.plusSeconds(Math.min(since.longValue(), uptime)));
            batch.absent(row.uuid("ConnectionId"), row.uuid("QueryId"), row.string("RowKey"), step);
        }
        return batch.changes();
    }

    /** Closes the open alerts of connections and queries disabled or deleted (select-retired-alerts.sql's rows), each saying why. */
    public AlertChanges retired(List<Map<String, Object>> rows) {
        Batch batch = new Batch(rows);
        Instant now = Instant.now();
        for (Map<String, Object> r : rows) {
            Row row = Row.of(r);
            String rowKey = row.string("RowKey") == null ? "" : row.string("RowKey");
            AlertTrack track = batch.tracks.get(key(row.uuid("ConnectionId"), row.uuid("QueryId"), rowKey));
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

    /**
     * Sets the variables write-alert-changes writes, each a list of statement parameters (possibly empty):
     * {@code newAlertStates}, {@code updatedAlertStates}, {@code absentAlertStates} and {@code alertEvents}.
     */
    public void statements(@Body AlertChanges changes, @Variables Map<String, Object> variables) {
        variables.put("alertChanges", changes);
        variables.put("newAlertStates", changes.newStates());
        variables.put("updatedAlertStates", changes.updatedStates());
        variables.put("absentAlertStates", changes.absentStates());
        variables.put("alertEvents", changes.events());
    }

    /** Logs what the store did with the batch's state writes: a state another worker moved meanwhile is not overwritten. */
    public void written(@Variable("alertChanges") AlertChanges changes, @Header(SqlConstants.SQL_UPDATE_COUNT) Integer updated) {
        if (updated != null && updated < changes.updatedStates().size()) {
            LOG.info("{} of {} alert state(s) were moved by another worker meanwhile; its change stands", changes.updatedStates().size() - updated,
                    changes.updatedStates().size());
        }
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
    private void observeKeys(Batch batch, UUID connection, UUID query, AlertRules rule, Row result, Instant now) {
        Map<String, Object> details = details(result);
        Object listed = details.get("rows");
        if (!(listed instanceof List<?> rows)) {
            return;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Object o : rows) {
            if (!(o instanceof Map<?, ?> cells)) {
                continue;
            }
            Object key = cell(cells, rule.keyColumn());
            if (key == null) {
                if (seen.isEmpty() && !hasColumn(cells, rule.keyColumn())) {
                    if (warnedKeyColumns.add(query + "/" + rule.keyColumn())) {
                        LOG.warn("Query {} on connection {}: AlertKeyColumn '{}' is not among the columns it returns {}; no per-key alerts",
                                query, connection, rule.keyColumn(), cells.keySet());
                    }
                    return;
                }
                continue;
            }
            String rowKey = fit(String.valueOf(key), MAX_KEY_CHARS);
            Object raw = cell(cells, rule.valueColumn());
            Double value = number(raw);
            Observation run = value != null ? new Observation(now, ResultStatus.Ok, value, rule.keyColumn() + " " + rowKey + ": value " + value)
                    : new Observation(now, ResultStatus.Error, null, "AlertValueColumn '" + rule.valueColumn() + "' of key '" + rowKey + "' is "
                    + (raw == null ? "missing or NULL" : "not a number: '" + fit(String.valueOf(raw), 100) + "'"));
            if (seen.add(rowKey)) {
                batch.observe(connection, query, rowKey, rule, run);
            }
        }
        if (Boolean.TRUE.equals(details.get("truncated"))) {
            return;
        }
        for (String stored : batch.storedKeys(connection, query)) {
            if (!stored.isEmpty() && !seen.contains(stored)) {
                batch.absent(connection, query, stored, AlertMachine.vanished(batch.tracks.get(key(connection, query, stored)), now));
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

    /** Column labels differ in case between databases (H2 and Oracle upper-case, PostgreSQL lower-case). */
    private static Object cell(Map<?, ?> cells, String column) {
        for (Map.Entry<?, ?> e : cells.entrySet()) {
            if (String.valueOf(e.getKey()).equalsIgnoreCase(column)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static boolean hasColumn(Map<?, ?> cells, String column) {
        return cells.keySet().stream().anyMatch(k -> String.valueOf(k).equalsIgnoreCase(column));
    }

    private static Double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.valueOf(s.trim());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    static AlertTrack track(Row row) {
        String pending = row.string("PendingState");
        Integer pendingCount = row.integer("PendingCount");
        Long sequence = row.get("Sequence") == null ? 0L : ((Number) row.get("Sequence")).longValue();
        return new AlertTrack(AlertState.valueOf(row.string("State")), pending == null ? null : AlertState.valueOf(pending),
                pendingCount == null ? 0 : pendingCount, AlertState.valueOf(row.string("DataState")), row.flag("IsFlapping", false),
                row.string("History") == null ? "" : row.string("History"), instant(row, "StateSince"), instant(row, "LastSeenAt"), sequence);
    }

    private static Instant instant(Row row, String column) {
        return row.time(column) == null ? null : row.time(column).toInstant(ZoneOffset.UTC);
    }

    /** What a result says in a line: its error, or its status and value. */
    private static String reason(Row result) {
        if (result.string("ErrorMessage") != null) {
            return result.string("ErrorMessage");
        }
        Double value = result.decimal("ResultValue");
        return value == null ? result.string("Status") : result.string("Status") + ", value " + value;
    }

    /** Text columns hold 4,000 characters (RowKey 400). */
    private static String fit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    private static String key(UUID connection, UUID query, String rowKey) {
        return connection + "/" + query + "/" + (rowKey == null ? "" : rowKey);
    }

    /** The alerts one evaluation touches: stored tracks in, moved tracks and their events out. */
    private static final class Batch {

        /** Where a touched alert ended: its last run's value and message, or null when only absence moved it. */
        private record Touched(UUID connection, UUID query, String rowKey, Observation lastRun, String absentReason) {
        }

        final Map<String, AlertTrack> tracks = new HashMap<>();
        private final Map<String, Long> readSequence = new HashMap<>();
        private final Map<String, Set<String>> storedKeys = new HashMap<>();
        private final Map<String, Touched> touched = new LinkedHashMap<>();
        private final List<Map<String, Object>> events = new ArrayList<>();

        Batch(List<Map<String, Object>> stateRows) {
            for (Map<String, Object> s : stateRows) {
                Row row = Row.of(s);
                String rowKey = row.string("RowKey") == null ? "" : row.string("RowKey");
                String key = key(row.uuid("ConnectionId"), row.uuid("QueryId"), rowKey);
                AlertTrack track = track(row);
                tracks.put(key, track);
                readSequence.put(key, track.sequence());
                storedKeys.computeIfAbsent(row.uuid("ConnectionId") + "/" + row.uuid("QueryId"), k -> new LinkedHashSet<>()).add(rowKey);
            }
        }

        Set<String> storedKeys(UUID connection, UUID query) {
            return storedKeys.getOrDefault(connection + "/" + query, Set.of());
        }

        void observe(UUID connection, UUID query, String rowKey, AlertRules rule, Observation run) {
            String key = key(connection, query, rowKey);
            AlertMachine.Step step = AlertMachine.observe(tracks.getOrDefault(key, AlertTrack.fresh(run.at())), rule, run);
            record(connection, query, rowKey, step, run.value());
            touched.put(key, new Touched(connection, query, rowKey, run, null));
        }

        void absent(UUID connection, UUID query, String rowKey, AlertMachine.Step step) {
            if (step.events().isEmpty()) {
                return;
            }
            String key = key(connection, query, rowKey);
            record(connection, query, rowKey, step, null);
            Touched before = touched.get(key);
            // a run in the same batch wrote the whole state: that write carries this move too
            touched.put(key, before != null && before.lastRun() != null ? before
                    : new Touched(connection, query, rowKey, null, step.events().get(step.events().size() - 1).reason()));
        }

        private void record(UUID connection, UUID query, String rowKey, AlertMachine.Step step, Double value) {
            tracks.put(key(connection, query, rowKey), step.track());
            for (AlertEvent e : step.events()) {
                events.add(eventRow(connection, query, rowKey, e, value));
                LOG.debug("Alert of query {} [{}] on connection {}: {} {} -> {}{}: {}", query, rowKey, connection, e.kind(), e.from(), e.to(),
                        e.notifies() ? "" : " (flapping, not notified)", e.reason());
            }
        }

        AlertChanges changes() {
            // an event is written only with the state it led to: StateSequence fences it to that state write
            for (Map<String, Object> e : events) {
                e.put("StateSequence", tracks.get(key((UUID) e.get("ConnectionId"), (UUID) e.get("QueryId"), (String) e.get("RowKey"))).sequence());
            }
            List<Map<String, Object>> inserts = new ArrayList<>();
            List<Map<String, Object>> updates = new ArrayList<>();
            List<Map<String, Object>> absences = new ArrayList<>();
            for (Map.Entry<String, Touched> e : touched.entrySet()) {
                Touched t = e.getValue();
                AlertTrack track = tracks.get(e.getKey());
                Long read = readSequence.get(e.getKey());
                if (t.lastRun() == null) {
                    Map<String, Object> p = stateKeys(t);
                    p.put("State", track.state().name());
                    p.put("Sequence", track.sequence());
                    p.put("LastMessage", fit(t.absentReason(), 4000));
                    p.put("ReadSequence", read);
                    absences.add(p);
                    continue;
                }
                Map<String, Object> p = stateRow(t, track);
                if (read == null) {
                    inserts.add(p);
                } else {
                    p.put("ReadSequence", read);
                    updates.add(p);
                }
            }
            return new AlertChanges(inserts, updates, absences, events);
        }

        private static Map<String, Object> stateKeys(Touched t) {
            Map<String, Object> p = new HashMap<>();
            p.put("ConnectionId", t.connection());
            p.put("QueryId", t.query());
            p.put("RowKey", t.rowKey());
            return p;
        }

        private static Map<String, Object> stateRow(Touched t, AlertTrack track) {
            Map<String, Object> p = stateKeys(t);
            p.put("State", track.state().name());
            p.put("PendingState", track.pending() == null ? null : track.pending().name());
            p.put("PendingCount", track.pendingCount());
            p.put("DataState", track.dataState().name());
            p.put("IsFlapping", track.flapping());
            p.put("History", track.history());
            p.put("Sequence", track.sequence());
            p.put("LastValue", t.lastRun().value());
            p.put("LastMessage", fit(t.lastRun().message(), 4000));
            return p;
        }

        private static Map<String, Object> eventRow(UUID connection, UUID query, String rowKey, AlertEvent e, Double value) {
            Map<String, Object> p = new HashMap<>();
            p.put("ConnectionId", connection);
            p.put("QueryId", query);
            p.put("RowKey", rowKey);
            p.put("Sequence", e.sequence());
            p.put("Kind", e.kind().name());
            p.put("FromState", e.from().name());
            p.put("ToState", e.to().name());
            p.put("Notifies", e.notifies());
            p.put("Reason", fit(e.reason(), 4000));
            p.put("ResultValue", value);
            return p;
        }
    }
}
