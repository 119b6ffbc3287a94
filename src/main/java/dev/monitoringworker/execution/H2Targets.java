package dev.monitoringworker.execution;

import dev.monitoringworker.store.StoreProperties;

/**
 * Whether Provider H2 may be a target: it runs SQL that can call Java on the worker's host, so it is the embedded
 * demo's alone. {@code monitoring.targets.h2-enabled}; when unset, on with the embedded H2 store only.
 */
public final class H2Targets {

    private H2Targets() {
    }

    public static boolean enabled(TargetsProperties targets, StoreProperties store) {
        return targets.h2Enabled() != null ? targets.h2Enabled() : "h2".equals(store.dialect());
    }
}
