package dev.monitoringworker.alert;

import dev.monitoringworker.store.Row;
import dev.monitoringworker.threshold.ResultStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

/**
 * Applies a batch of result rows to the alerts of their (connection, query) pairs: reads nothing itself, takes
 * the rule rows and the stored states the routes read, and returns the rows to write. A query whose rule columns
 * cannot be used keeps its alerts as they are and says why, once per batch, in a WARN naming the query and column.
 */
public class AlertEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluator.class);

    private final AlertRules defaults;

    public AlertEvaluator(AlertRules defaults) {
        this.defaults = defaults;
    }

    /** Parameters of select-alert-rules.sql and select-alert-states.sql: the batch's queries and connections. */
    public Map<String, Object> keys(List<Map<String, Object>> results) {
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

    public AlertChanges evaluate(List<Map<String, Object>> results, List<Map<String, Object>> ruleRows, List<Map<String, Object>> stateRows) {
        Map<UUID, AlertRules> rules = new HashMap<>();
        Map<UUID, String> names = new HashMap<>();
        for (Map<String, Object> r : ruleRows) {
            Row row = Row.of(r);
            names.put(row.uuid("QueryId"), row.string("QueryName"));
            try {
                rules.put(row.uuid("QueryId"), AlertRules.from(row, defaults));
            } catch (IllegalArgumentException e) {
                LOG.warn("Query '{}' ({}): alert rules not applied, its alerts keep their state: {}", row.string("QueryName"), row.uuid("QueryId"),
                        e.getMessage());
            }
        }
        Map<String, AlertTrack> tracks = new HashMap<>();
        Map<String, Long> readSequence = new HashMap<>();
        for (Map<String, Object> s : stateRows) {
            Row row = Row.of(s);
            String key = key(row.uuid("ConnectionId"), row.uuid("QueryId"), row.string("RowKey"));
            AlertTrack track = track(row);
            tracks.put(key, track);
            readSequence.put(key, track.sequence());
        }
        Map<String, Map<String, Object>> lastResult = new LinkedHashMap<>();
        List<Map<String, Object>> events = new ArrayList<>();
        Instant now = Instant.now();
        for (Map<String, Object> r : results) {
            Row row = Row.of(r);
            UUID connection = row.uuid("ConnectionId");
            UUID query = row.uuid("QueryId");
            AlertRules rule = rules.get(query);
            if (connection == null || rule == null) {
                continue;
            }
            String key = key(connection, query, "");
            AlertTrack before = tracks.getOrDefault(key, AlertTrack.fresh(now));
            String message = reason(row);
            AlertMachine.Step step = AlertMachine.observe(before, rule, new Observation(now, ResultStatus.valueOf(row.string("Status")),
                    row.decimal("ResultValue"), message));
            tracks.put(key, step.track());
            lastResult.put(key, r);
            for (AlertEvent e : step.events()) {
                events.add(eventRow(connection, query, "", e, row.decimal("ResultValue")));
                LOG.debug("Alert of query '{}' on connection {}: {} {} -> {}{}: {}", names.get(query), connection, e.kind(), e.from(), e.to(),
                        e.notifies() ? "" : " (flapping, not notified)", e.reason());
            }
        }
        // an event is written only with the state it led to: StateSequence fences it to that state write
        for (Map<String, Object> e : events) {
            e.put("StateSequence", tracks.get(key((UUID) e.get("ConnectionId"), (UUID) e.get("QueryId"), (String) e.get("RowKey"))).sequence());
        }
        List<Map<String, Object>> inserts = new ArrayList<>();
        List<Map<String, Object>> updates = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> e : lastResult.entrySet()) {
            Row result = Row.of(e.getValue());
            Map<String, Object> p = stateRow(result.uuid("ConnectionId"), result.uuid("QueryId"), "", tracks.get(e.getKey()), result);
            Long read = readSequence.get(e.getKey());
            if (read == null) {
                inserts.add(p);
            } else {
                p.put("ReadSequence", read);
                updates.add(p);
            }
        }
        return new AlertChanges(inserts, updates, events);
    }

    /** Logs what the store did with the batch's state writes: a state another worker moved meanwhile is not overwritten. */
    public void written(AlertChanges changes, Integer updated) {
        if (updated != null && updated < changes.updatedStates().size()) {
            LOG.info("{} of {} alert state(s) were moved by another worker meanwhile; its change stands", changes.updatedStates().size() - updated,
                    changes.updatedStates().size());
        }
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

    private static Map<String, Object> stateRow(UUID connection, UUID query, String rowKey, AlertTrack t, Row result) {
        Map<String, Object> p = new HashMap<>();
        p.put("ConnectionId", connection);
        p.put("QueryId", query);
        p.put("RowKey", rowKey);
        p.put("State", t.state().name());
        p.put("PendingState", t.pending() == null ? null : t.pending().name());
        p.put("PendingCount", t.pendingCount());
        p.put("DataState", t.dataState().name());
        p.put("IsFlapping", t.flapping());
        p.put("History", t.history());
        p.put("Sequence", t.sequence());
        p.put("LastValue", result.decimal("ResultValue"));
        p.put("LastMessage", fit(reason(result)));
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
        p.put("Reason", fit(e.reason()));
        p.put("ResultValue", value);
        return p;
    }

    /** What a result says in a line: its error, or its status and value. */
    private static String reason(Row result) {
        if (result.string("ErrorMessage") != null) {
            return result.string("ErrorMessage");
        }
        Double value = result.decimal("ResultValue");
        return value == null ? result.string("Status") : result.string("Status") + ", value " + value;
    }

    /** Text columns hold 4,000 characters. */
    private static String fit(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
    }

    private static String key(UUID connection, UUID query, String rowKey) {
        return connection + "/" + query + "/" + (rowKey == null ? "" : rowKey);
    }
}
