package dev.monitoringworker.alert;

import java.util.List;
import java.util.Map;

/**
 * What one batch of results does to the alerts it touches, as statement parameters: alerts seen for the first time
 * (insert-alert-state.sql), alerts that moved on for a run (update-alert-state.sql, fenced by the Sequence read),
 * alerts that moved for what did not happen, Stale and NoData (move-alert-state.sql, fenced the same way), and the
 * events to record (insert-alert-event.sql).
 */
public record AlertChanges(List<Map<String, Object>> newStates, List<Map<String, Object>> updatedStates,
                           List<Map<String, Object>> absentStates, List<Map<String, Object>> events) {

    /** Identity: Camel keys its method caches by the objects a route calls into; hashing every row per call is waste. */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
