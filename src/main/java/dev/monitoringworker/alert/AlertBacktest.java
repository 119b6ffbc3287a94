package dev.monitoringworker.alert;

import dev.monitoringworker.store.Row;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Replays stored results, oldest first, through the alert rules of one query row, as the worker would have
 * applied them, and counts what that produces. Alerts start Ok with no history; time without runs (Stale) is not
 * replayed. One instance per rule set; feed it rows as they stream from the store.
 */
public final class AlertBacktest {

    /** What a replay produced. */
    public record Tally(int results, int connections, int transitions, Map<String, Integer> byState, int notifications, int flappingSpells,
                        int alerts) {
    }

    private final AlertEvaluator evaluator;
    private final List<Map<String, Object>> ruleRows;
    private final Map<String, Map<String, Object>> states = new HashMap<>();
    private final Set<UUID> connections = new LinkedHashSet<>();
    private final Map<String, Integer> byState = new TreeMap<>();
    private int results;
    private int transitions;
    private int notifications;
    private int flappingSpells;

    /** @param ruleRow a DatabaseQueries row (its rule columns possibly replaced by proposed values) */
    public AlertBacktest(AlertEvaluator evaluator, Map<String, Object> ruleRow) {
        this.evaluator = evaluator;
        this.ruleRows = List.of(ruleRow);
    }

    /** One stored result row (ConnectionId, QueryId, Status, ResultValue, ResultRowCount, ErrorMessage, Details, ExecutedAt). */
    public void accept(Map<String, Object> result) {
        Row row = Row.of(result);
        UUID connection = row.uuid("ConnectionId");
        Instant at = row.time("ExecutedAt") == null ? Instant.now() : row.time("ExecutedAt").toInstant(ZoneOffset.UTC);
        List<Map<String, Object>> stored = new ArrayList<>();
        for (Map<String, Object> s : states.values()) {
            if (connection.equals(s.get("ConnectionId"))) {
                stored.add(s);
            }
        }
        AlertChanges changes = evaluator.evaluateAt(List.of(result), ruleRows, stored, at);
        results++;
        connections.add(connection);
        for (Map<String, Object> s : changes.newStates()) {
            states.put(key(s), new HashMap<>(s));
        }
        for (Map<String, Object> s : changes.updatedStates()) {
            states.put(key(s), new HashMap<>(s));
        }
        for (Map<String, Object> s : changes.absentStates()) {
            Map<String, Object> kept = states.get(key(s));
            kept.put("State", s.get("State"));
            kept.put("Sequence", s.get("Sequence"));
            kept.put("PendingState", null);
            kept.put("PendingCount", 0);
        }
        for (Map<String, Object> e : changes.events()) {
            if (Boolean.TRUE.equals(e.get("Notifies"))) {
                notifications++;
            }
            if ("StateChanged".equals(e.get("Kind"))) {
                transitions++;
                byState.merge((String) e.get("ToState"), 1, Integer::sum);
            } else if ("FlappingStarted".equals(e.get("Kind"))) {
                flappingSpells++;
            }
        }
    }

    public Tally tally() {
        return new Tally(results, connections.size(), transitions, Map.copyOf(byState), notifications, flappingSpells, states.size());
    }

    private static String key(Map<String, Object> state) {
        return state.get("ConnectionId") + "/" + state.get("RowKey");
    }
}
