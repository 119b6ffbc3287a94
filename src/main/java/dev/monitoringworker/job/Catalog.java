package dev.monitoringworker.job;

import dev.monitoringworker.execution.MonitoringQuery;
import dev.monitoringworker.store.Row;
import dev.monitoringworker.execution.TargetConnection;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The connections and queries known to the store when a batch of jobs is planned. */
public record Catalog(Map<UUID, TargetConnection> connections, Map<UUID, MonitoringQuery> queries) {

    public static Catalog of(List<Map<String, Object>> connectionRows, List<Map<String, Object>> queryRows) {
        return new Catalog(
                connectionRows.stream().map(Row::of).map(TargetConnection::from)
                        .collect(Collectors.toMap(TargetConnection::connectionId, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new)),
                queryRows.stream().map(Row::of).map(MonitoringQuery::from)
                        .collect(Collectors.toMap(MonitoringQuery::queryId, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new)));
    }
}
