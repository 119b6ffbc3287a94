package dev.monitoringworker.execution;

import dev.monitoringworker.store.Row;
import org.apache.camel.Variable;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a connection leaves behind once it is disabled, deleted or changed: its pool and its circuit breaker (with
 * the breaker's meter). Looked at on every scheduling tick, against the catalog read for it.
 */
public class RetiredTargets {

    private final TargetPools pools;
    private final TargetBreakers breakers;

    public RetiredTargets(TargetPools pools, TargetBreakers breakers) {
        this.pools = pools;
        this.breakers = breakers;
    }

    /** @param connectionRows every row of DatabaseConnections, enabled or not */
    public void release(@Variable("connections") List<Map<String, Object>> connectionRows) {
        List<TargetConnection> connections = connectionRows.stream().map(r -> TargetConnection.from(Row.of(r))).toList();
        breakers.forget(pools.retire(connections));
        Set<UUID> enabled = connections.stream().filter(TargetConnection::enabled).map(TargetConnection::connectionId).collect(Collectors.toSet());
        breakers.retainOnly(enabled);
    }
}
