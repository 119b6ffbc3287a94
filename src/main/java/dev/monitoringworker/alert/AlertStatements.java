package dev.monitoringworker.alert;

import dev.monitoringworker.store.Row;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.apache.camel.Variables;
import org.apache.camel.component.sql.SqlConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The parameters of the alerting statements (alerting.camel.yaml): what the rule and state reads select, and the rows
 * of the state writes and event inserts an evaluation's {@link AlertChanges} carry.
 */
public class AlertStatements {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluator.class);

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

    static Map<String, Object> stateKeys(AlertBatch.Touched t) {
        Map<String, Object> p = new HashMap<>();
        p.put("ConnectionId", t.connection());
        p.put("QueryId", t.query());
        p.put("RowKey", t.rowKey());
        return p;
    }

    static Map<String, Object> stateRow(AlertBatch.Touched t, AlertTrack track) {
        Map<String, Object> p = stateKeys(t);
        p.put("State", track.state().name());
        p.put("PendingState", track.pending() == null ? null : track.pending().name());
        p.put("PendingCount", track.pendingCount());
        p.put("DataState", track.dataState().name());
        p.put("IsFlapping", track.flapping());
        p.put("History", track.history());
        p.put("Sequence", track.sequence());
        p.put("LastValue", t.lastRun().value());
        p.put("LastMessage", AlertRows.fit(t.lastRun().message(), 4000));
        return p;
    }

    static Map<String, Object> eventRow(UUID connection, UUID query, String rowKey, AlertEvent e, Double value) {
        Map<String, Object> p = new HashMap<>();
        p.put("ConnectionId", connection);
        p.put("QueryId", query);
        p.put("RowKey", rowKey);
        p.put("Sequence", e.sequence());
        p.put("Kind", e.kind().name());
        p.put("FromState", e.from().name());
        p.put("ToState", e.to().name());
        p.put("Notifies", e.notifies());
        p.put("Reason", AlertRows.fit(e.reason(), 4000));
        p.put("ResultValue", value);
        return p;
    }
}
