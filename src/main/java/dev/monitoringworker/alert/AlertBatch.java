package dev.monitoringworker.alert;

import dev.monitoringworker.store.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The alerts one evaluation touches: stored tracks in, moved tracks and their events out. */
final class AlertBatch {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluator.class);

    /** Where a touched alert ended: its last run's value and message, or null when only absence moved it. */
    record Touched(UUID connection, UUID query, String rowKey, Observation lastRun, String absentReason) {
    }

    private final Map<String, AlertTrack> tracks = new HashMap<>();
    private final Map<String, Long> readSequence = new HashMap<>();
    private final Map<String, Set<String>> storedKeys = new HashMap<>();
    private final Map<String, Touched> touched = new LinkedHashMap<>();
    private final List<Map<String, Object>> events = new ArrayList<>();

    AlertBatch(List<Map<String, Object>> stateRows) {
        for (Map<String, Object> s : stateRows) {
            Row row = Row.of(s);
            String rowKey = row.string("RowKey") == null ? "" : row.string("RowKey");
            String key = AlertRows.key(row.uuid("ConnectionId"), row.uuid("QueryId"), rowKey);
            AlertTrack track = AlertRows.track(row);
            tracks.put(key, track);
            readSequence.put(key, track.sequence());
            storedKeys.computeIfAbsent(row.uuid("ConnectionId") + "/" + row.uuid("QueryId"), k -> new LinkedHashSet<>()).add(rowKey);
        }
    }

    /** The stored track of an alert. */
    AlertTrack track(UUID connection, UUID query, String rowKey) {
        return tracks.get(AlertRows.key(connection, query, rowKey));
    }

    Set<String> storedKeys(UUID connection, UUID query) {
        return storedKeys.getOrDefault(connection + "/" + query, Set.of());
    }

    void observe(UUID connection, UUID query, String rowKey, AlertRules rule, Observation run) {
        String key = AlertRows.key(connection, query, rowKey);
        AlertMachine.Step step = AlertMachine.observe(tracks.getOrDefault(key, AlertTrack.fresh(run.at())), rule, run);
        record(connection, query, rowKey, step, run.value());
        touched.put(key, new Touched(connection, query, rowKey, run, null));
    }

    void absent(UUID connection, UUID query, String rowKey, AlertMachine.Step step) {
        if (step.events().isEmpty()) {
            return;
        }
        String key = AlertRows.key(connection, query, rowKey);
        record(connection, query, rowKey, step, null);
        Touched before = touched.get(key);
        // a run in the same batch wrote the whole state: that write carries this move too
        touched.put(key, before != null && before.lastRun() != null ? before
                : new Touched(connection, query, rowKey, null, step.events().get(step.events().size() - 1).reason()));
    }

    private void record(UUID connection, UUID query, String rowKey, AlertMachine.Step step, Double value) {
        tracks.put(AlertRows.key(connection, query, rowKey), step.track());
        for (AlertEvent e : step.events()) {
            events.add(AlertStatements.eventRow(connection, query, rowKey, e, value));
            LOG.debug("Alert of query {} [{}] on connection {}: {} {} -> {}{}: {}", query, rowKey, connection, e.kind(), e.from(), e.to(),
                    e.notifies() ? "" : " (flapping, not notified)", e.reason());
        }
    }

    AlertChanges changes() {
        // an event is written only with the state it led to: StateSequence fences it to that state write
        for (Map<String, Object> e : events) {
            e.put("StateSequence", tracks.get(AlertRows.key((UUID) e.get("ConnectionId"), (UUID) e.get("QueryId"), (String) e.get("RowKey"))).sequence());
        }
        List<Map<String, Object>> inserts = new ArrayList<>();
        List<Map<String, Object>> updates = new ArrayList<>();
        List<Map<String, Object>> absences = new ArrayList<>();
        for (Map.Entry<String, Touched> e : touched.entrySet()) {
            Touched t = e.getValue();
            AlertTrack track = tracks.get(e.getKey());
            Long read = readSequence.get(e.getKey());
            if (t.lastRun() == null) {
                Map<String, Object> p = AlertStatements.stateKeys(t);
                p.put("State", track.state().name());
                p.put("Sequence", track.sequence());
                p.put("LastMessage", AlertRows.fit(t.absentReason(), 4000));
                p.put("ReadSequence", read);
                absences.add(p);
                continue;
            }
            Map<String, Object> p = AlertStatements.stateRow(t, track);
            if (read == null) {
                inserts.add(p);
            } else {
                p.put("ReadSequence", read);
                updates.add(p);
            }
        }
        return new AlertChanges(inserts, updates, absences, events);
    }
}
